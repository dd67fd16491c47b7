// Package model holds the records Boussole stores, shared by storage and web; it has no behaviour of its
// own beyond small derived values, so that rules stay in the domain packages and SQL in the store.
package model
