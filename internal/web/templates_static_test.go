package web

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
)

// TestTemplatesAgainstTheirTypes reads every template without running it and resolves each field and
// method it names against the Go type that reaches it: the page's type from pageTypes through its content,
// the element type inside « range », the argument's type inside a partial. Unlike an execution, it
// visits every branch, so a misspelt field in an « else » no test data reaches still fails. Where a value
// has no static type (a dict, an interface), it stops, and the execution test above takes over.
func TestTemplatesAgainstTheirTypes(t *testing.T) {
	v := testViews(t)
	fm := funcs(&assets{})
	var problems []string
	for name, set := range v.pages {
		c := &templateCheck{set: set, funcs: fm, page: pageTypes[name], seen: map[string]bool{}}
		if c.page == nil {
			c.page = reflect.TypeFor[struct{}]() // a page without data: .Data has no field
		}
		c.template("content", reflect.TypeFor[view]())
		for _, p := range c.problems {
			problems = append(problems, name+": "+p)
		}
	}
	// The partials a templ page writes (partials.render), with the types it gives them.
	c := &templateCheck{set: v.base, funcs: fm, seen: map[string]bool{}}
	for name, typ := range templPartials {
		c.template(name, typ)
	}
	problems = append(problems, c.problems...)
	slices.Sort(problems)
	for _, p := range slices.Compact(problems) {
		t.Error(p)
	}
}

// templPartials are the html/template partials the templ pages write, with the type each receives.
var templPartials = map[string]reflect.Type{
	"errors": reflect.TypeFor[*form](),
	"field":  reflect.TypeFor[fieldArgs](),
}

// TestStaticCheckFindsAMisspeltField makes sure the check above can fail: a field missing from the
// page's type, in a branch no data takes, is reported.
func TestStaticCheckFindsAMisspeltField(t *testing.T) {
	set := template.Must(template.New("").Funcs(funcs(&assets{})).Parse(
		`{{define "layout"}}{{if .Demo}}{{range .Data.Rows}}{{.Nmae}}{{end}}{{else}}{{.Data.Titel}}{{end}}{{end}}`))
	type row struct{ Name string }
	c := &templateCheck{set: set, funcs: funcs(&assets{}), page: reflect.TypeFor[struct{ Rows []row }](), seen: map[string]bool{}}
	c.template("layout", reflect.TypeFor[view]())
	got := strings.Join(c.problems, "\n")
	if !strings.Contains(got, "Nmae") || !strings.Contains(got, "Titel") {
		t.Errorf("misspelt fields not found: %q", got)
	}
}

type templateCheck struct {
	set      *template.Template
	funcs    template.FuncMap
	page     reflect.Type // what .Data of the view holds
	seen     map[string]bool
	problems []string
	where    string
}

type scope map[string]reflect.Type

func (c *templateCheck) fail(format string, args ...any) {
	c.problems = append(c.problems, c.where+": "+fmt.Sprintf(format, args...))
}

// template checks one named template with dot of type dot, once per type.
func (c *templateCheck) template(name string, dot reflect.Type) {
	key := name + "|" + fmt.Sprint(dot)
	if dot == nil || c.seen[key] {
		return
	}
	c.seen[key] = true
	t := c.set.Lookup(name)
	if t == nil || t.Tree == nil {
		c.fail("no template %q", name)
		return
	}
	saved := c.where
	c.where = name
	c.walk(t.Tree.Root, dot, scope{"$": dot})
	c.where = saved
}

func (c *templateCheck) walk(n parse.Node, dot reflect.Type, vars scope) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, x := range n.Nodes {
			c.walk(x, dot, vars)
		}
	case *parse.ActionNode:
		c.pipe(n.Pipe, dot, vars)
	case *parse.IfNode:
		c.pipe(n.Pipe, dot, vars)
		c.walk(n.List, dot, copyScope(vars))
		c.walk(n.ElseList, dot, copyScope(vars))
	case *parse.WithNode:
		inner := copyScope(vars)
		t := c.pipe(n.Pipe, dot, inner)
		c.walk(n.List, t, inner)
		c.walk(n.ElseList, dot, copyScope(vars))
	case *parse.RangeNode:
		inner := copyScope(vars)
		t := c.pipeNoDecl(n.Pipe, dot, inner)
		key, elem := rangeTypes(t)
		switch len(n.Pipe.Decl) {
		case 1:
			inner[n.Pipe.Decl[0].Ident[0]] = elem
		case 2:
			inner[n.Pipe.Decl[0].Ident[0]], inner[n.Pipe.Decl[1].Ident[0]] = key, elem
		}
		c.walk(n.List, elem, inner)
		c.walk(n.ElseList, dot, copyScope(vars))
	case *parse.TemplateNode:
		arg := dot
		if n.Pipe != nil {
			arg = c.pipe(n.Pipe, dot, copyScope(vars))
		} else {
			arg = nil
		}
		c.template(n.Name, arg)
	}
}

func copyScope(s scope) scope {
	out := make(scope, len(s))
	for k, v := range s {
		out[k] = v
	}
	return out
}

// pipe returns the type of a pipeline and records the variables it declares or assigns.
func (c *templateCheck) pipe(p *parse.PipeNode, dot reflect.Type, vars scope) reflect.Type {
	t := c.pipeNoDecl(p, dot, vars)
	if p != nil {
		for _, d := range p.Decl {
			vars[d.Ident[0]] = t
		}
	}
	return t
}

func (c *templateCheck) pipeNoDecl(p *parse.PipeNode, dot reflect.Type, vars scope) reflect.Type {
	if p == nil {
		return nil
	}
	var t reflect.Type
	for i, cmd := range p.Cmds {
		t = c.command(cmd, dot, vars, i > 0)
	}
	return t
}

// command returns the type of one command of a pipeline; its arguments are checked too.
func (c *templateCheck) command(cmd *parse.CommandNode, dot reflect.Type, vars scope, piped bool) reflect.Type {
	args := make([]reflect.Type, len(cmd.Args))
	for i, a := range cmd.Args[1:] {
		args[i+1] = c.arg(a, dot, vars)
	}
	switch first := cmd.Args[0].(type) {
	case *parse.IdentifierNode:
		return c.function(first.Ident, args[1:])
	default:
		return c.arg(first, dot, vars)
	}
}

func (c *templateCheck) arg(n parse.Node, dot reflect.Type, vars scope) reflect.Type {
	switch n := n.(type) {
	case *parse.FieldNode:
		return c.fields(dot, n.Ident)
	case *parse.ChainNode:
		return c.fields(c.arg(n.Node, dot, vars), n.Field)
	case *parse.VariableNode:
		t, ok := vars[n.Ident[0]]
		if !ok {
			c.fail("unknown variable %s", n.Ident[0])
			return nil
		}
		return c.fields(t, n.Ident[1:])
	case *parse.DotNode:
		return dot
	case *parse.PipeNode:
		return c.pipe(n, dot, copyScope(vars))
	case *parse.StringNode:
		return reflect.TypeFor[string]()
	case *parse.BoolNode:
		return reflect.TypeFor[bool]()
	case *parse.NumberNode:
		if n.IsInt {
			return reflect.TypeFor[int]()
		}
		return reflect.TypeFor[float64]()
	case *parse.IdentifierNode:
		return c.function(n.Ident, nil)
	}
	return nil
}

// function returns the result type of a template function or builtin; nil when it depends on values.
func (c *templateCheck) function(name string, args []reflect.Type) reflect.Type {
	switch name {
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return reflect.TypeFor[bool]()
	case "len":
		return reflect.TypeFor[int]()
	case "print", "printf", "println", "html", "js", "urlquery":
		return reflect.TypeFor[string]()
	case "and", "or":
		for _, a := range args {
			if a != args[0] {
				return nil
			}
		}
		if len(args) > 0 {
			return args[0]
		}
		return nil
	case "index":
		if len(args) == 0 {
			return nil
		}
		t := args[0]
		for range args[1:] {
			t = indexed(t)
		}
		return t
	case "slice":
		if len(args) > 0 {
			return args[0]
		}
		return nil
	case "call":
		return nil
	}
	f, ok := c.funcs[name]
	if !ok {
		c.fail("unknown function %s", name)
		return nil
	}
	ft := reflect.TypeOf(f)
	if ft.NumOut() == 0 || ft.Out(0).Kind() == reflect.Interface {
		return nil
	}
	return ft.Out(0)
}

// fields follows .A.B.C from t, reporting the first name t lacks.
func (c *templateCheck) fields(t reflect.Type, names []string) reflect.Type {
	for _, name := range names {
		if t == nil {
			return nil
		}
		if t == reflect.TypeFor[view]() && name == "Data" {
			t = c.page
			continue
		}
		next, ok := member(t, name)
		if !ok {
			c.fail("%s has no field or method %s", t, name)
			return nil
		}
		t = next
	}
	return t
}

// member returns the type of t's field or method name as a template sees it; nil when unknown.
func member(t reflect.Type, name string) (reflect.Type, bool) {
	if m, ok := t.MethodByName(name); ok {
		return result(m.Type), true
	}
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
			return result(m.Type), true
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
		if m, ok := t.MethodByName(name); ok {
			return result(m.Type), true
		}
	}
	switch t.Kind() {
	case reflect.Interface:
		return nil, true
	case reflect.Struct:
		f, ok := t.FieldByName(name)
		if !ok || !f.IsExported() {
			return nil, false
		}
		if f.Type.Kind() == reflect.Interface {
			return nil, true
		}
		return f.Type, true
	case reflect.Map:
		if t.Elem().Kind() == reflect.Interface {
			return nil, true
		}
		return t.Elem(), true
	}
	return nil, false
}

func result(ft reflect.Type) reflect.Type {
	if ft.NumOut() == 0 || ft.Out(0).Kind() == reflect.Interface {
		return nil
	}
	return ft.Out(0)
}

func indexed(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		if t.Elem().Kind() == reflect.Interface {
			return nil
		}
		return t.Elem()
	}
	return nil
}

// rangeTypes returns the key and element types « range » gives over t.
func rangeTypes(t reflect.Type) (key, elem reflect.Type) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil, nil
	}
	unknownIfAny := func(x reflect.Type) reflect.Type {
		if x.Kind() == reflect.Interface {
			return nil
		}
		return x
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return reflect.TypeFor[int](), unknownIfAny(t.Elem())
	case reflect.Map:
		return unknownIfAny(t.Key()), unknownIfAny(t.Elem())
	case reflect.Int, reflect.Int64:
		return t, t
	}
	return nil, nil
}
