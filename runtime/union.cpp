// types.UnionType: the value of `int | None`, `str | int | None`, `list[int] | None` (type.__or__
// and __ror__). isinstance/issubclass treat a union like the tuple of its __args__.
#include <string>
#include <vector>

#include "runtime/objmodel_internal.h"
#include "runtime/runtime.h"

namespace gp {

namespace {

struct UnionObject : Object {
  TupleObject* args;        // flattened, deduplicated; None stored as NoneType
  TupleObject* parameters;  // lazily computed __parameters__
};

UnionObject* as_union(Object* o) { return static_cast<UnionObject*>(o); }

// getattr_opt with a name given as text.
Object* attr_opt(ThreadState* ts, Object* o, const char* name) {
  Ref<StrObject> n = Ref<StrObject>::steal(intern(ts, name));
  if (!n) return nullptr;
  return getattr_opt(ts, o, n.get());
}

// Operands `|` accepts to build a union (CPython 3.11's is_unionable).
bool is_unionable(Object* o) {
  return is_none(o) || is_type(o) || o->type == &GenericAliasType || o->type == &UnionType;
}

// Appends the members of o (a union's args, NoneType for None, else o itself) to out.
void flatten_into(Object* o, std::vector<Object*>* out) {
  if (o->type == &UnionType) {
    TupleObject* a = as_union(o)->args;
    for (ssize i = 0; i < a->size; ++i) out->push_back(a->items[i]);
  } else if (is_none(o)) {
    out->push_back(none()->type);
  } else {
    out->push_back(o);
  }
}

// Builds the union of a and b; when only one member is left after deduplication it is returned
// itself (int | int is int).
Object* make_union(ThreadState* ts, Object* a, Object* b) {
  std::vector<Object*> flat;
  flatten_into(a, &flat);
  flatten_into(b, &flat);
  std::vector<Object*> uniq;
  for (Object* x : flat) {
    bool dup = false;
    for (Object* y : uniq) {
      if (x->type == &GenericAliasType && y->type == &GenericAliasType) {
        int eq = richcompare_bool(ts, x, y, CmpOp::EQ);
        if (eq < 0) return nullptr;
        dup = eq;
      } else {
        dup = x == y;
      }
      if (dup) break;
    }
    if (!dup) uniq.push_back(x);
  }
  if (uniq.size() == 1) return newref(uniq[0]);
  TupleObject* args = tuple_from_array(ts, uniq.data(), static_cast<ssize>(uniq.size()));
  if (!args) return nullptr;
  auto* u = alloc<UnionObject>(ts, &UnionType);
  if (!u) {
    decref(args);
    return nullptr;
  }
  u->args = args;
  u->parameters = nullptr;
  return u;
}

void union_dealloc(Object* o) {
  clearref(as_union(o)->args);
  clearref(as_union(o)->parameters);
  free_object(o);
}

int union_traverse(Object* o, visitproc visit, void* arg) {
  if (as_union(o)->args && visit(as_union(o)->args, arg)) return 1;
  if (as_union(o)->parameters && visit(as_union(o)->parameters, arg)) return 1;
  return 0;
}

void union_clear(Object* o) {
  clearref(as_union(o)->args);
  clearref(as_union(o)->parameters);
}

// One member as CPython's union_repr_item writes it: None, repr of a generic alias, a class as
// "module.qualname" ("qualname" for builtins), anything else by repr.
bool repr_item(ThreadState* ts, Object* p, std::string* out) {
  if (p == none()->type) {
    *out += "None";
    return true;
  }
  Ref<> origin = Ref<>::steal(attr_opt(ts, p, "__origin__"));
  if (!origin && exc_occurred(ts)) return false;
  if (origin) {
    Ref<> args = Ref<>::steal(attr_opt(ts, p, "__args__"));
    if (!args && exc_occurred(ts)) return false;
    if (args) {
      std::string s;
      if (!repr_text(ts, p, &s)) return false;
      *out += s;
      return true;
    }
  }
  Ref<> qualname = Ref<>::steal(getattr_opt(ts, p, names.__qualname__));
  if (!qualname && exc_occurred(ts)) return false;
  Ref<> module = qualname ? Ref<>::steal(getattr_opt(ts, p, names.__module__)) : Ref<>();
  if (!module && exc_occurred(ts)) return false;
  if (!qualname || !module || is_none(module.get())) {
    std::string s;
    if (!repr_text(ts, p, &s)) return false;
    *out += s;
    return true;
  }
  std::string m, q;
  if (!str_text(ts, module.get(), &m) || !str_text(ts, qualname.get(), &q)) return false;
  if (m != "builtins") *out += m + ".";
  *out += q;
  return true;
}

Object* union_repr(ThreadState* ts, Object* o) {
  TupleObject* a = as_union(o)->args;
  std::string s;
  for (ssize i = 0; i < a->size; ++i) {
    if (i) s += " | ";
    if (!repr_item(ts, a->items[i], &s)) return nullptr;
  }
  return str_from(ts, s);
}

Object* union_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_unionable(a) || !is_unionable(b)) return not_implemented();
  return make_union(ts, a, b);
}

Object* union_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (b->type != &UnionType || (op != CmpOp::EQ && op != CmpOp::NE)) return not_implemented();
  Ref<> x = Ref<>::steal(frozenset_new(ts, as_union(a)->args));
  if (!x) return nullptr;
  Ref<> y = Ref<>::steal(frozenset_new(ts, as_union(b)->args));
  if (!y) return nullptr;
  return richcompare(ts, x.get(), y.get(), op);
}

int64_t union_hash(ThreadState* ts, Object* o) {
  Ref<> s = Ref<>::steal(frozenset_new(ts, as_union(o)->args));
  if (!s) return -1;
  return hash(ts, s.get());
}

// __parameters__: the type variables of the members, in order of first appearance (a member
// that is not a class but has __parameters__ contributes those).
TupleObject* union_parameters(ThreadState* ts, UnionObject* u) {
  if (u->parameters) return u->parameters;
  std::vector<Object*> params;
  std::vector<Ref<>> keep;
  auto add = [&](Object* p) {
    for (Object* q : params)
      if (q == p) return;
    params.push_back(p);
  };
  for (ssize i = 0; i < u->args->size; ++i) {
    Object* a = u->args->items[i];
    if (is_type(a)) continue;
    Ref<> ps = Ref<>::steal(attr_opt(ts, a, "__parameters__"));
    if (!ps) {
      if (exc_occurred(ts)) return nullptr;
      continue;
    }
    if (!is_tuple(ps.get())) continue;
    for (ssize j = 0; j < tuple_size(ps.get()); ++j) add(tuple_item(ps.get(), j));
    keep.push_back(std::move(ps));
  }
  u->parameters = tuple_from_array(ts, params.data(), static_cast<ssize>(params.size()));
  return u->parameters;
}

Object* union_get_args(ThreadState*, Object* o) { return newref(as_union(o)->args); }

Object* union_get_parameters(ThreadState* ts, Object* o) {
  TupleObject* p = union_parameters(ts, as_union(o));
  return p ? newref(p) : nullptr;
}

// (list[T] | None)[int]: substitutes the parameters in every member and rebuilds the union.
Object* union_getitem(ThreadState* ts, Object* o, Object* key) {
  auto* u = as_union(o);
  TupleObject* params = union_parameters(ts, u);
  if (!params) return nullptr;
  if (params->size == 0) {
    Ref<> r = Ref<>::steal(union_repr(ts, o));
    if (!r) return nullptr;
    return raise(ts, &exc::TypeError, "%s is not a generic class", str_cstr(r.get()));
  }
  Ref<TupleObject> vals = is_tuple(key) ? Ref<TupleObject>::borrow(static_cast<TupleObject*>(key))
                                        : Ref<TupleObject>::steal(tuple_pack(ts, {key}));
  if (!vals) return nullptr;
  if (vals->size != params->size) {
    Ref<> r = Ref<>::steal(union_repr(ts, o));
    if (!r) return nullptr;
    return raise(ts, &exc::TypeError, "Too %s arguments for %s; actual %zd, expected %zd",
                 vals->size > params->size ? "many" : "few", str_cstr(r.get()), vals->size,
                 params->size);
  }
  Ref<> result;
  for (ssize i = 0; i < u->args->size; ++i) {
    Object* a = u->args->items[i];
    Ref<> sub;
    for (ssize j = 0; j < params->size; ++j)
      if (params->items[j] == a) sub = Ref<>::borrow(vals->items[j]);
    if (!sub && !is_type(a)) {
      Ref<> ps = Ref<>::steal(attr_opt(ts, a, "__parameters__"));
      if (!ps && exc_occurred(ts)) return nullptr;
      if (ps && is_tuple(ps.get()) && tuple_size(ps.get()) > 0) {
        std::vector<Object*> subargs;
        for (ssize k = 0; k < tuple_size(ps.get()); ++k)
          for (ssize j = 0; j < params->size; ++j)
            if (params->items[j] == tuple_item(ps.get(), k)) subargs.push_back(vals->items[j]);
        Ref<> t =
            Ref<>::steal(tuple_from_array(ts, subargs.data(), static_cast<ssize>(subargs.size())));
        if (!t) return nullptr;
        sub = Ref<>::steal(getitem(ts, a, subargs.size() == 1 ? subargs[0] : t.get()));
        if (!sub) return nullptr;
      }
    }
    if (!sub) sub = Ref<>::borrow(a);
    if (!result) {
      result = std::move(sub);
    } else {
      result = Ref<>::steal(binary_op(ts, result.get(), sub.get(), BinOp::Or));
      if (!result) return nullptr;
    }
  }
  return result.release();
}

Object* union_getattro(ThreadState* ts, Object* o, StrObject* name) {
  Object* r = generic_getattr(ts, o, name);
  if (!r && exc_matches(ts, &exc::AttributeError)) {
    // CPython names the type with its module here ('types.UnionType').
    clear_exc(ts);
    return raise_attribute_error(ts, o, name, "'types.UnionType' object has no attribute '%s'",
                                 str_cstr(name));
  }
  return r;
}

const GetSetDef union_getsets[] = {
    {"__args__", union_get_args, nullptr},
    {"__parameters__", union_get_parameters, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Object* union_type_or(ThreadState* ts, Object* a, Object* b) { return union_or(ts, a, b); }

TupleObject* union_args(Object* u) { return as_union(u)->args; }

TypeObject UnionType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "types.UnionType";
  t.doc = "Represent a PEP 604 union type\n\nE.g. for int | str";
  t.basicsize = sizeof(UnionObject);
  t.flags = kHaveGC | kImmutableType;
  t.dealloc = union_dealloc;
  t.traverse = union_traverse;
  t.clear = union_clear;
  t.repr = union_repr;
  t.hash = union_hash;
  t.richcompare = union_richcompare;
  t.getattro = union_getattro;
  t.getitem = union_getitem;
  t.nb[static_cast<int>(BinOp::Or)] = union_or;
  t.getsets = union_getsets;
  return t;
}();

}  // namespace gp
