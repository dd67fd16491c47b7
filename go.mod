module boussole

go 1.26.8
