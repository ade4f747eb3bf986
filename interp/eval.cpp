// The eval loop. Why it looks like this:
//  - Handlers are written once with TARGET(op)/DISPATCH(); by default they are labels of a
//    computed-goto table, with -DGILPY_SWITCH_DISPATCH=1 a plain switch (for debugging).
//  - Python-to-Python calls push a Frame on the thread's frame stack and continue in the same C++
//    activation; RETURN_VALUE pops it. Only natives calling Python (and generators) re-enter.
//  - Thread switches can only happen where ts->eval_breaker is tested. By default that is
//    function entry, calls and backward jumps (CPython >= 3.10). When interp->slow_dispatch is set,
//    dispatch goes through a second table whose entries first run the per-instruction policy
//    check (ticks countdown, or test eval_breaker everywhere: CPython <= 3.9 behaviour).
//  - Exceptions use a per-frame block stack (SETUP_FINALLY / POP_BLOCK), see opcodes.h.
#include <cmath>
#include <cstring>

#include "gil/gil.h"
#include "interp/code.h"
#include "interp/frame.h"
#include "interp/function.h"
#include "interp/generator.h"
#include "interp/traceback.h"
#include "interp/vm.h"
#include "runtime/pool.h"
#include "runtime/range.h"
#include "runtime/slice.h"

#ifndef GILPY_SWITCH_DISPATCH
#define GILPY_SWITCH_DISPATCH 0
#endif

namespace gp {

Object* eval_frame(ThreadState* ts, Frame* f, bool throwing);

namespace {

// ---- error helpers ------------------------------------------------------------------------------
void set_name_error_name(ThreadState* ts, Object* name) {
  if (ts->exc && isinstance_of(ts->exc, &exc::NameError)) {
    auto* ne = static_cast<NameErrorObject*>(ts->exc);
    setref(ne->name, newref(name));
  }
}

void name_error(ThreadState* ts, Object* name) {
  raise(ts, &exc::NameError, "name '%s' is not defined", str_cstr(name));
  set_name_error_name(ts, name);
}

void unbound_local(ThreadState* ts, Object* name) {
  raise(ts, &exc::UnboundLocalError,
        "cannot access local variable '%s' where it is not associated with a value",
        str_cstr(name));
  set_name_error_name(ts, name);
}

void unbound_deref(ThreadState* ts, CodeObject* co, int idx) {
  if (idx < co->ncells) {
    unbound_local(ts, tuple_item(co->cellvars, idx));
  } else {
    Object* name = tuple_item(co->freevars, idx - co->ncells);
    raise(ts, &exc::NameError,
          "cannot access free variable '%s' where it is not associated with a value in enclosing "
          "scope",
          str_cstr(name));
    set_name_error_name(ts, name);
  }
}

// Sets exc.__context__ to the exception being handled, breaking cycles as CPython does.
void chain_context(ThreadState* ts, Object* exc, bool overwrite) {
  Object* handled = current_handled_exception(ts);
  if (!handled || handled == exc || !is_exception(exc)) return;
  auto* e = static_cast<BaseExceptionObject*>(exc);
  if (!overwrite && e->context) return;
  // Avoid a cycle: if exc appears in handled's context chain, cut the chain there.
  Object* o = handled;
  int guard = 0;
  while (o && is_exception(o) && guard++ < 10000) {
    auto* oe = static_cast<BaseExceptionObject*>(o);
    if (oe->context == exc) {
      clearref(oe->context);
      break;
    }
    o = oe->context;
  }
  setref(e->context, newref(handled));
}

Object* str_of(ThreadState* ts, const char* s) { return str_from(ts, s); }

// Name of a callable for call error messages: "__main__.f()" style, as CPython's
// _PyObject_FunctionStr.
std::string function_str(ThreadState* ts, Object* func) {
  if (is_function(func)) {
    auto* f = static_cast<FunctionObject*>(func);
    std::string q(str_view(f->qualname));
    if (f->module && is_str(f->module) && !str_eq(f->module, "builtins"))
      return std::string(str_view(f->module)) + "." + q + "()";
    return q + "()";
  }
  if (func->type == &BoundMethodType)
    return function_str(ts, static_cast<BoundMethodObject*>(func)->func);
  if (func->type == &NativeFunctionType) {
    auto* nf = static_cast<NativeFunctionObject*>(func);
    return std::string(nf->def->name) + "()";
  }
  Object* q = getattr_opt(ts, func, names.__qualname__);
  if (!q) {
    clear_exc(ts);
    return std::string(type_name(func)) + " object";
  }
  std::string r = is_str(q) ? std::string(str_view(q)) + "()" : "?()";
  decref(q);
  return r;
}

bool check_except_type(ThreadState* ts, Object* t) {
  if (is_tuple(t)) {
    for (ssize i = 0; i < tuple_size(t); ++i)
      if (!check_except_type(ts, tuple_item(t, i))) return false;
    return true;
  }
  if (!is_exception_type(t)) {
    raise(ts, &exc::TypeError,
          "catching classes that do not inherit from BaseException is not allowed");
    return false;
  }
  return true;
}

// ---- unpacking ----
bool unpack_iterable(ThreadState* ts, Object* v, int before, int after, Object** sp_top) {
  // Writes items so that the first item ends up on top: sp_top[-1] = first.
  Ref<> it = Ref<>::steal(get_iter(ts, v));
  if (!it) {
    if (exc_matches(ts, &exc::TypeError) && !v->type->iter && !v->type->getitem) {
      clear_exc(ts);
      raise(ts, &exc::TypeError, "cannot unpack non-iterable %s object", type_name(v));
    }
    return false;
  }
  int total = before + (after >= 0 ? 1 + after : 0);
  Object** out = sp_top + total;  // items are written from top down
  int i = 0;
  for (; i < before; ++i) {
    Object* w = iter_next(ts, it.get());
    if (!w) {
      if (!exc_occurred(ts)) {
        if (after < 0)
          raise(ts, &exc::ValueError, "not enough values to unpack (expected %d, got %d)", before,
                i);
        else
          raise(ts, &exc::ValueError, "not enough values to unpack (expected at least %d, got %d)",
                before + after, i);
      }
      for (int j = 0; j < i; ++j) decref(sp_top[total - 1 - j]);
      return false;
    }
    *--out = w;
  }
  if (after < 0) {
    Object* w = iter_next(ts, it.get());
    if (w) {
      decref(w);
      raise(ts, &exc::ValueError, "too many values to unpack (expected %d)", before);
    }
    if (exc_occurred(ts)) {
      for (int j = 0; j < before; ++j) decref(sp_top[total - 1 - j]);
      return false;
    }
    return true;
  }
  ListObject* l = list_from_iterable(ts, it.get());
  if (!l) {
    for (int j = 0; j < before; ++j) decref(sp_top[total - 1 - j]);
    return false;
  }
  if (list_size(l) < after) {
    raise(ts, &exc::ValueError, "not enough values to unpack (expected at least %d, got %zd)",
          before + after, before + list_size(l));
    decref(l);
    for (int j = 0; j < before; ++j) decref(sp_top[total - 1 - j]);
    return false;
  }
  *--out = l;
  for (int j = 0; j < after; ++j) {
    ssize idx = list_size(l) - after + j;
    *--out = l->items[idx];
    l->items[idx] = nullptr;
  }
  l->size -= after;
  return true;
}

Object* import_from(ThreadState* ts, Object* module, Object* name) {
  Object* v = getattr_opt(ts, module, static_cast<StrObject*>(name));
  if (v || exc_occurred(ts)) return v;
  // A submodule imported as a side effect may be in sys.modules only.
  Ref<> modname = Ref<>::steal(getattr_opt(ts, module, names.__name__));
  if (exc_occurred(ts)) return nullptr;
  if (modname && is_str(modname.get())) {
    std::string full = std::string(str_view(modname.get())) + "." + std::string(str_view(name));
    Object* m = dict_get_cstr(ts, ts->interp->modules, full.c_str());
    if (m) return newref(m);
  }
  std::string mod = modname && is_str(modname.get()) ? std::string(str_view(modname.get()))
                                                     : std::string("<unknown module name>");
  Ref<> file = Ref<>::steal(getattr_opt(ts, module, names.__file__));
  clear_exc(ts);
  if (file && is_str(file.get()))
    raise(ts, &exc::ImportError, "cannot import name '%s' from '%s' (%s)", str_cstr(name),
          mod.c_str(), str_cstr(file.get()));
  else
    raise(ts, &exc::ImportError, "cannot import name '%s' from '%s' (unknown location)",
          str_cstr(name), mod.c_str());
  if (ts->exc && isinstance_of(ts->exc, &exc::ImportError)) {
    auto* ie = static_cast<ImportErrorObject*>(ts->exc);
    if (modname) setref(ie->name, newref(modname.get()));
    if (file) setref(ie->path, newref(file.get()));
  }
  return nullptr;
}

bool store_local_name(ThreadState* ts, Object* locals, Object* name, Object* v) {
  if (is_dict_exact(locals)) return dict_set(ts, static_cast<DictObject*>(locals), name, v);
  return setitem(ts, locals, name, v);
}

bool import_star(ThreadState* ts, Frame* f, Object* module) {
  Object* locals = f->locals;
  if (!locals) {
    raise(ts, &exc::SystemError, "no locals found during 'import *'");
    return false;
  }
  Ref<> all = Ref<>::steal(getattr_opt(ts, module, names.__all__));
  if (exc_occurred(ts)) return false;
  bool skip_private = false;
  if (!all) {
    Ref<> d = Ref<>::steal(getattr_opt(ts, module, names.__dict__));
    if (!d) {
      if (!exc_occurred(ts))
        raise(ts, &exc::ImportError, "from-import-* object has no __dict__ and no __all__");
      return false;
    }
    all = Ref<>::steal(call_method(ts, d.get(), "keys"));
    if (!all) return false;
    skip_private = true;
  }
  Ref<> it = Ref<>::steal(get_iter(ts, all.get()));
  if (!it) return false;
  for (;;) {
    Ref<> name = Ref<>::steal(iter_next(ts, it.get()));
    if (!name) return !exc_occurred(ts);
    if (!is_str(name.get())) {
      raise(ts, &exc::TypeError, "Item in %s.__all__ must be str, not %s", "module",
            type_name(name.get()));
      return false;
    }
    if (skip_private && str_view(name.get()).substr(0, 1) == "_") continue;
    Ref<> v = Ref<>::steal(getattr(ts, module, static_cast<StrObject*>(name.get())));
    if (!v) return false;
    if (!store_local_name(ts, locals, name.get(), v.get())) return false;
  }
}

// raise exc [from cause]
bool do_raise(ThreadState* ts, Object* exc, Object* cause) {
  Ref<> value;
  if (is_exception_type(exc)) {
    value = Ref<>::steal(call0(ts, exc));
    if (!value) return false;
    if (!is_exception(value.get())) {
      raise(ts, &exc::TypeError,
            "calling %s should have returned an instance of BaseException, not %s",
            static_cast<TypeObject*>(exc)->name, type_name(value.get()));
      return false;
    }
  } else if (is_exception(exc)) {
    value = Ref<>::borrow(exc);
  } else {
    raise(ts, &exc::TypeError, "exceptions must derive from BaseException");
    return false;
  }
  auto* e = static_cast<BaseExceptionObject*>(value.get());
  if (cause) {
    Object* c;
    if (is_exception_type(cause)) {
      c = call0(ts, cause);
      if (!c) return false;
    } else if (is_exception(cause)) {
      c = newref(cause);
    } else if (is_none(cause)) {
      c = nullptr;
    } else {
      raise(ts, &exc::TypeError, "exception causes must derive from BaseException");
      return false;
    }
    setref(e->cause, c);
    e->suppress_context = true;
  }
  chain_context(ts, value.get(), true);
  restore_exc(ts, value.release());
  return false;
}

Object* load_build_class(ThreadState* ts, Frame* f) {
  Object* bc = dict_get_str(ts, f->builtins, names.__build_class__);
  if (!bc) return raise(ts, &exc::NameError, "__build_class__ not found");
  return newref(bc);
}

Object* format_value(ThreadState* ts, Object* v, int conv, Object* spec) {
  Ref<> val = Ref<>::borrow(v);
  switch (conv) {
    case 1:
      val = Ref<>::steal(str(ts, v));
      break;
    case 2:
      val = Ref<>::steal(repr(ts, v));
      break;
    case 3:
      val = Ref<>::steal(ascii(ts, v));
      break;
    default:
      break;
  }
  if (!val) return nullptr;
  if (!spec && is_str_exact(val.get())) return val.release();
  return format(ts, val.get(), spec);
}

bool dict_merge_call(ThreadState* ts, Object* func, DictObject* d, Object* m) {
  if (!is_dict(m) && !getattr_opt(ts, m, names.keys)) {
    if (!exc_occurred(ts))
      raise(ts, &exc::TypeError, "%s argument after ** must be a mapping, not %s",
            function_str(ts, func).c_str(), type_name(m));
    return false;
  }
  if (is_dict(m)) {
    ssize pos = 0;
    Object *k, *v;
    auto* md = static_cast<DictObject*>(m);
    while (dict_next(md, &pos, &k, &v)) {
      if (!is_str(k)) {
        raise(ts, &exc::TypeError, "keywords must be strings");
        return false;
      }
      if (dict_get(ts, d, k)) {
        raise(ts, &exc::TypeError, "%s got multiple values for keyword argument '%s'",
              function_str(ts, func).c_str(), str_cstr(k));
        return false;
      }
      if (!dict_set(ts, d, k, v)) return false;
    }
    return true;
  }
  Ref<> keys = Ref<>::steal(call_method(ts, m, "keys"));
  if (!keys) return false;
  Ref<> it = Ref<>::steal(get_iter(ts, keys.get()));
  if (!it) return false;
  for (;;) {
    Ref<> k = Ref<>::steal(iter_next(ts, it.get()));
    if (!k) return !exc_occurred(ts);
    if (!is_str(k.get())) {
      raise(ts, &exc::TypeError, "keywords must be strings");
      return false;
    }
    if (dict_get(ts, d, k.get())) {
      raise(ts, &exc::TypeError, "%s got multiple values for keyword argument '%s'",
            function_str(ts, func).c_str(), str_cstr(k.get()));
      return false;
    }
    Ref<> v = Ref<>::steal(getitem(ts, m, k.get()));
    if (!v || !dict_set(ts, d, k.get(), v.get())) return false;
  }
}

Object* special_lookup(ThreadState* ts, Object* o, StrObject* name) {
  Object* d = type_lookup(o->type, name);
  if (!d) return nullptr;
  if (d->type->descr_get) return d->type->descr_get(ts, d, o, o->type);
  return newref(d);
}

bool print_expr(ThreadState* ts, Object* v) {
  Object* hook = ts->interp->sys ? module_get(ts, ts->interp->sys, "displayhook") : nullptr;
  if (hook) {
    Object* r = call1(ts, hook, v);
    if (!r) return false;
    decref(r);
    return true;
  }
  if (is_none(v)) return true;
  std::string s;
  if (!repr_text(ts, v, &s)) return false;
  s += "\n";
  fwrite(s.data(), 1, s.size(), stdout);
  return true;
}

// Small-int arithmetic with Python semantics: 1 = *out holds the int result, 2 = true division
// of ints that fit a double exactly (the caller divides), 0 = no fast path.
__attribute__((always_inline)) inline int int_fast_compute(int64_t a, int64_t b, unsigned op,
                                                           int64_t* out) {
  int64_t r;
  switch (static_cast<BinOp>(op)) {
    case BinOp::Add:
      if (__builtin_add_overflow(a, b, &r)) return 0;
      break;
    case BinOp::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return 0;
      break;
    case BinOp::Mul:
      if (__builtin_mul_overflow(a, b, &r)) return 0;
      break;
    case BinOp::FloorDiv:
      if (b == 0 || (a == INT64_MIN && b == -1)) return 0;
      r = a / b;
      if ((a % b != 0) && ((a < 0) != (b < 0))) --r;
      break;
    case BinOp::Mod:
      if (b == 0 || (a == INT64_MIN && b == -1)) return 0;
      r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      break;
    case BinOp::And:
      r = a & b;
      break;
    case BinOp::Or:
      r = a | b;
      break;
    case BinOp::Xor:
      r = a ^ b;
      break;
    case BinOp::LShift:
      if (b < 0 || b >= 63) return 0;
      if (a != 0) {
        int64_t lim = INT64_MAX >> b;
        if (a > lim || a < -lim - 1) return 0;
      }
      r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
      break;
    case BinOp::RShift:
      if (b < 0) return 0;
      r = b >= 64 ? (a < 0 ? -1 : 0) : (a >> b);
      break;
    case BinOp::TrueDiv: {
      if (b == 0) return 0;
      const int64_t lim = int64_t(1) << 53;
      if (a > lim || a < -lim || b > lim || b < -lim) return 0;
      return 2;
    }
    default:
      return 0;
  }
  *out = r;
  return 1;
}

// |v| < 2**53, without llabs (undefined for INT64_MIN).
__attribute__((always_inline)) inline bool exact_in_double(int64_t v) {
  return v > -(int64_t(1) << 53) && v < (int64_t(1) << 53);
}

__attribute__((always_inline)) inline bool float_fast_compute(double a, double b, unsigned op,
                                                              double* out) {
  switch (static_cast<BinOp>(op)) {
    case BinOp::Add:
      *out = a + b;
      return true;
    case BinOp::Sub:
      *out = a - b;
      return true;
    case BinOp::Mul:
      *out = a * b;
      return true;
    case BinOp::TrueDiv:
      if (b == 0.0) return false;
      *out = a / b;
      return true;
    case BinOp::Pow:
      // Only the plain case (positive finite base, finite result); float_pow handles the rest.
      if (!(a > 0.0) || !std::isfinite(a) || !std::isfinite(b)) return false;
      *out = std::pow(a, b);
      return std::isfinite(*out) && *out != 0.0;
    default:
      return false;
  }
}

inline bool cmp_i64(int64_t a, int64_t b, unsigned op) {
  switch (static_cast<CmpOp>(op)) {
    case CmpOp::LT:
      return a < b;
    case CmpOp::LE:
      return a <= b;
    case CmpOp::EQ:
      return a == b;
    case CmpOp::NE:
      return a != b;
    case CmpOp::GT:
      return a > b;
    case CmpOp::GE:
      return a >= b;
  }
  return false;
}
inline bool cmp_f64(double a, double b, unsigned op) {
  switch (static_cast<CmpOp>(op)) {
    case CmpOp::LT:
      return a < b;
    case CmpOp::LE:
      return a <= b;
    case CmpOp::EQ:
      return a == b;
    case CmpOp::NE:
      return a != b;
    case CmpOp::GT:
      return a > b;
    case CmpOp::GE:
      return a >= b;
  }
  return false;
}

inline void unlink_exc_node(ThreadState* ts, Frame* f) {
  if (f->exc_linked) {
    ts->exc_info = f->exc_node.previous;
  }
}

void recursion_error(ThreadState* ts, bool native) {
  raise(ts, &exc::RecursionError, "maximum recursion depth exceeded%s", native ? "" : "");
}

// Frame stack bump allocation in the thread's current chunk (frame_stack_alloc when it is full).
__attribute__((always_inline)) inline Frame* push_frame(ThreadState* ts, CodeObject* co) {
  FrameChunk* c = static_cast<VmThread*>(ts->vm)->chunk;
  size_t need = (frame_size(co) + 15) & ~size_t(15);
  if (__builtin_expect(c && static_cast<size_t>(c->end - c->top) >= need, 1)) {
    auto* f = reinterpret_cast<Frame*>(c->top);
    c->top += need;
    return f;
  }
  return frame_stack_alloc(ts, co);
}
__attribute__((always_inline)) inline void pop_frame(ThreadState* ts, Frame* f) {
  FrameChunk* c = static_cast<VmThread*>(ts->vm)->chunk;
  if (__builtin_expect(reinterpret_cast<char*>(f) != c->data, 1))
    c->top = reinterpret_cast<char*>(f);
  else
    frame_stack_free(ts, f);
}

// BINARY_OP followed by STORE_FAST: the local the store overwrites, when it holds an exact
// object of type t that nothing but the local and this operation's operands refers to, so the
// result can be written into it (no allocation, and no free of the old value). Its identity is
// unobservable: the only other reference is the operand this operation consumes.
__attribute__((always_inline)) inline Object* store_fast_target(const Instr* pc, Object** locals,
                                                                const TypeObject* t, Object* left,
                                                                Object* right) {
  Instr next = *pc;
  if (instr_op(next) != Op::STORE_FAST) return nullptr;
  Object* target = locals[instr_arg(next)];
  if (!target || target->type != t) return nullptr;
  if (target->refcnt == 1 || (target->refcnt == 2 && (target == left || target == right)))
    return target;
  return nullptr;
}

// ---- attribute caches ---------------------------------------------------------------------------
// LOAD_ATTR, LOAD_METHOD and STORE_ATTR keep one AttrCache each (interp/code.h), keyed on the
// owner's type and its version tag: a hit skips the MRO walk and the descriptor checks of
// generic_getattr/generic_setattr, and finds the instance __dict__ entry at a remembered index.

[[gnu::noinline]] AttrCache* attr_cache_alloc(CodeObject* code) {
  code->acache = new AttrCache[static_cast<size_t>(code->ncode)]();
  return code->acache;
}

// The instruction's cache (pc points past it).
__attribute__((always_inline)) inline AttrCache* attr_cache_at(CodeObject* code, const Instr* pc) {
  AttrCache* a = code->acache;
  if (__builtin_expect(a == nullptr, 0)) a = attr_cache_alloc(code);
  return &a[pc - code->code - 1];
}

// The tag to key a cache on for type t (assigning heap types one); false when t's attributes
// cannot be cached: static types whose dict may change, heap types of another interpreter.
bool cache_tag(ThreadState* ts, TypeObject* t, uint32_t* tag) {
  if (t->flags & kHeapType) {
    if (!t->version_tag) {
      Interpreter* in = ts->interp;
      if (t->interp != in || in->type_version_counter == UINT32_MAX) return false;
      t->version_tag = ++in->type_version_counter;
    }
    *tag = t->version_tag;
    return true;
  }
  if (!(t->flags & kImmutableType)) return false;
  *tag = 0;
  return true;
}

__attribute__((always_inline)) inline bool attr_cache_hit(const AttrCache* c, const TypeObject* t) {
  return c->type == t && c->version == t->version_tag;
}

__attribute__((always_inline)) inline DictObject** dict_slot_of(Object* owner, TypeObject* t) {
  return reinterpret_cast<DictObject**>(reinterpret_cast<char*>(owner) + t->dict_offset);
}

// Borrowed value of name in an instance dict, or nullptr; remembers where it was found.
__attribute__((always_inline)) inline Object* instance_dict_find(ThreadState* ts, DictObject* d,
                                                                 StrObject* name, AttrCache* c) {
  uint32_t h = c->hint;
  if (h < d->nentries && d->entries[h].key == name) return d->entries[h].value;
  Object* v = dict_get_str(ts, d, name);
  if (v) {
    ssize n = d->nentries < 64 ? d->nentries : 64;
    for (ssize i = 0; i < n; ++i)
      if (d->entries[i].key == name) {
        c->hint = static_cast<uint32_t>(i);
        break;
      }
  }
  return v;
}

// Records how generic_getattr finds name on instances of owner's type.
[[gnu::noinline]] void load_attr_fill(ThreadState* ts, AttrCache* c, Object* owner,
                                      StrObject* name) {
  TypeObject* t = owner->type;
  c->type = nullptr;
  c->kind = AttrKind::None;
  uint32_t tag;
  if (t->getattro != generic_getattr || t->dict_offset < 0 || !name->interned ||
      !cache_tag(ts, t, &tag))
    return;
  Object* descr = type_lookup(t, name);
  AttrKind k;
  if (!descr)
    k = t->dict_offset > 0 ? AttrKind::Instance : AttrKind::None;
  else if (descr->type->descr_get && descr->type->descr_set)
    k = AttrKind::Data;
  else
    k = AttrKind::NonData;
  if (k == AttrKind::None) return;
  c->type = t;
  c->version = tag;
  c->descr = descr;
  c->kind = k;
}

// LOAD_METHOD's variant: functions and method descriptors are pushed unbound.
[[gnu::noinline]] void load_method_fill(ThreadState* ts, AttrCache* c, Object* owner,
                                        StrObject* name) {
  TypeObject* t = owner->type;
  uint32_t tag;
  if (t->getattro == generic_getattr && t->dict_offset >= 0 && name->interned &&
      cache_tag(ts, t, &tag)) {
    Object* descr = type_lookup(t, name);
    if (descr && (descr->type == &FunctionType || descr->type == &MethodDescrType)) {
      c->type = t;
      c->version = tag;
      c->descr = descr;
      c->kind = AttrKind::Method;
      return;
    }
  }
  load_attr_fill(ts, c, owner, name);
}

// A cached load (c hit for owner's type). New reference; nullptr with no exception set when the
// cache cannot answer (the caller falls back to getattr), nullptr with one set on error.
__attribute__((always_inline)) inline Object* cached_load_attr(ThreadState* ts, AttrCache* c,
                                                               Object* owner, StrObject* name) {
  TypeObject* t = owner->type;
  switch (c->kind) {
    case AttrKind::Instance: {
      DictObject* d = *dict_slot_of(owner, t);
      if (!d || !is_dict_exact(d)) return nullptr;
      Object* v = instance_dict_find(ts, d, name, c);
      if (!v) return nullptr;
      incref(v);
      return v;
    }
    case AttrKind::Data: {
      Object* descr = c->descr;
      incref(descr);
      Object* r = descr->type->descr_get(ts, descr, owner, t);
      decref(descr);
      return r;
    }
    case AttrKind::NonData:
    case AttrKind::Method: {
      Object* descr = c->descr;
      if (t->dict_offset > 0) {
        DictObject* d = *dict_slot_of(owner, t);
        if (d) {
          if (!is_dict_exact(d)) return nullptr;
          if (Object* v = instance_dict_find(ts, d, name, c)) {
            incref(v);
            return v;
          }
        }
      }
      descrgetfunc f = descr->type->descr_get;
      if (!f) {
        incref(descr);
        return descr;
      }
      incref(descr);
      Object* r = f(ts, descr, owner, t);
      decref(descr);
      return r;
    }
    default:
      return nullptr;
  }
}

// Records whether STORE_ATTR on instances of owner's type goes straight to the instance dict.
[[gnu::noinline]] void store_attr_fill(ThreadState* ts, AttrCache* c, Object* owner,
                                       StrObject* name) {
  TypeObject* t = owner->type;
  c->type = nullptr;
  c->kind = AttrKind::None;
  uint32_t tag;
  if (t->setattro != generic_setattr || t->dict_offset <= 0 || !name->interned ||
      !cache_tag(ts, t, &tag))
    return;
  Object* descr = type_lookup(t, name);
  if (descr && descr->type->descr_set) return;
  c->type = t;
  c->version = tag;
  c->descr = nullptr;
  c->kind = AttrKind::Store;
}

}  // namespace

Object* current_handled_exception(ThreadState* ts) {
  for (ExcInfo* e = ts->exc_info; e; e = e->previous)
    if (e->exc && !is_none(e->exc)) return e->exc;
  return nullptr;
}

// ---- the loop -----------------------------------------------------------------------------------

// The loop's own reference counting, forced inline (the compiler gives up inlining the
// runtime's inline functions in a function this large).
__attribute__((always_inline)) inline void fast_incref(Object* o) {
  if (o->refcnt < kImmortalRefcnt) ++o->refcnt;
}
// Floats and small-valued ints go straight back to the free list (runtime/pool.h: leaf objects).
[[gnu::noinline]] static void vm_dealloc(Object* o) {
  TypeObject* t = o->type;
  if (t == &FloatType || (t == &IntType && !static_cast<IntObject*>(o)->big))
    pool_free_leaf(o);
  else
    dealloc(o);
}
__attribute__((always_inline)) inline void fast_decref(Object* o) {
  if (o->refcnt < kImmortalRefcnt && --o->refcnt == 0) vm_dealloc(o);
}
__attribute__((always_inline)) inline Object* vm_float(ThreadState* ts, double v) {
  if (FloatObject* f = pool_alloc_leaf<FloatObject>(ts, &FloatType)) {
    f->value = v;
    return f;
  }
  return float_from(ts, v);
}
__attribute__((always_inline)) inline Object* vm_int(ThreadState* ts, int64_t v) {
  if (v < kSmallIntMin || v > kSmallIntMax) {
    if (IntObject* i = pool_alloc_leaf<IntObject>(ts, &IntType)) {
      i->value = v;
      i->big = nullptr;
      return i;
    }
  }
  return int_from(ts, v);
}
__attribute__((always_inline)) inline void fast_xdecref(Object* o) {
  if (o) fast_decref(o);
}
template <class T>
__attribute__((always_inline)) inline T* fast_newref(T* o) {
  fast_incref(o);
  return o;
}

Object* eval_frame(ThreadState* ts, Frame* entry, bool throwing) {
  Interpreter* interp = ts->interp;
  {
    VmThread* vt = vm_thread(ts);
    char probe;
    if (++ts->recursion_depth > interp->recursion_limit ||
        reinterpret_cast<uintptr_t>(&probe) < vt->c_stack_limit) {
      // Not entered: leave the frame to the caller.
      --ts->recursion_depth;
      if (throwing) clear_exc(ts);
      recursion_error(ts, true);
      entry->back = nullptr;
      return nullptr;
    }
  }
  entry->back = ts->frame;
  entry->is_entry = true;
  ts->frame = entry;
  if (entry->exc_linked) {
    entry->exc_node.previous = ts->exc_info;
    ts->exc_info = &entry->exc_node;
  }

#if !GILPY_SWITCH_DISPATCH
  static void* const fast_table[kNumOpcodes] = {
#define GP_OP_LABEL(name, effect, kind) &&L_##name,
      GP_OPCODES(GP_OP_LABEL)
#undef GP_OP_LABEL
  };
  static void* const slow_table[kNumOpcodes] = {
#define GP_OP_SLOW(name, effect, kind) &&L_slow_check,
      GP_OPCODES(GP_OP_SLOW)
#undef GP_OP_SLOW
  };
  void* const* table =
      interp->slow_dispatch.load(std::memory_order_relaxed) ? slow_table : fast_table;
#else
  bool slow = interp->slow_dispatch.load(std::memory_order_relaxed);
#endif

  Frame* frame = entry;
  const Instr* pc;
  Object** sp;
#if GILPY_SWITCH_DISPATCH
  Instr word = 0;
  uint32_t oparg = 0;
#else
// The argument is read from the instruction when a handler needs it (no register or stack slot
// held across dispatches).
#define oparg (instr_arg(pc[-1]))
#endif
  TupleObject* kwnames = nullptr;
  Object* result = nullptr;

#define LOAD_FRAME_STATE() \
  do {                     \
    pc = frame->pc;        \
    sp = frame->sp;        \
  } while (0)

// Derived from frame (kept out of registers on purpose: the loop has few to spare).
#define co (frame->code)
#define fast (frame->localsplus)
#define consts (frame->code->consts->items)

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<ssize>(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define JUMPTO(t) (pc = frame->code->code + (t))
#define GETNAME(i) (frame->code->names->items[i])

#if !GILPY_SWITCH_DISPATCH
#define TARGET(op) L_##op:
#ifdef GILPY_VM_TRACE
#define TRACE_INSTR()                                                                  \
  fprintf(stderr, "  %s %3zd %-20s %u depth=%zd blocks=%d\n", str_cstr(co->name),      \
          pc - co->code - 1, kOpNames[pc[-1] & 0xff], oparg, sp - frame->stack_base(), \
          frame->nblocks)
#else
#define TRACE_INSTR() ((void)0)
#endif
#define DISPATCH()             \
  do {                         \
    Instr word_ = *pc++;       \
    frame->pc = pc;            \
    TRACE_INSTR();             \
    goto* table[word_ & 0xff]; \
  } while (0)
#define RELOAD_DISPATCH_TABLE() \
  (table = interp->slow_dispatch.load(std::memory_order_relaxed) ? slow_table : fast_table)
#else
#define TARGET(op) case Op::op:
#define DISPATCH() goto dispatch
#define RELOAD_DISPATCH_TABLE() (slow = interp->slow_dispatch.load(std::memory_order_relaxed))
#endif

// Eval-breaker check at a check point (function entry, back-edge, call).
#define CHECK_EVAL_BREAKER()                                                          \
  do {                                                                                \
    if (__builtin_expect(ts->eval_breaker.load(std::memory_order_relaxed) != 0, 0)) { \
      frame->sp = sp;                                                                 \
      if (!handle_eval_breaker(ts)) goto error;                                       \
      RELOAD_DISPATCH_TABLE();                                                        \
    }                                                                                 \
  } while (0)

  LOAD_FRAME_STATE();
  if (throwing) goto error;
  CHECK_EVAL_BREAKER();

#if !GILPY_SWITCH_DISPATCH
  DISPATCH();
#else
dispatch:
  word = *pc++;
  frame->pc = pc;
  oparg = instr_arg(word);
  if (slow) goto L_slow_check;
dispatch_op:
  switch (instr_op(word)) {
#endif

L_slow_check : {
  int ticks = interp->ticks_interval.load(std::memory_order_relaxed);
  if (ticks > 0) {
    if (--ts->ticks_left <= 0) {
      ts->ticks_left = ticks;
      ts->eval_breaker.fetch_or(kBreakTicks, std::memory_order_relaxed);
    }
  }
  // Only the "anywhere" policy may act here; under "boundaries" a spent tick budget waits for
  // the next back-edge, call or function entry (CHECK_EVAL_BREAKER), like any other request.
  if (interp->switch_anywhere.load(std::memory_order_relaxed)) {
    if (ts->eval_breaker.load(std::memory_order_relaxed) != 0) {
      frame->sp = sp;
      if (!handle_eval_breaker(ts)) goto error;
    }
  }
  RELOAD_DISPATCH_TABLE();
#if !GILPY_SWITCH_DISPATCH
  // The opcode is read again rather than kept in `word`: a value live across every dispatch
  // would hold a register in every handler.
  goto* fast_table[pc[-1] & 0xff];
#else
    goto dispatch_op;
#endif
}

  TARGET(NOP) { DISPATCH(); }

  TARGET(POP_TOP) {
    Object* v = POP();
    fast_decref(v);
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(nullptr);
    DISPATCH();
  }

  TARGET(COPY) {
    Object* v = PEEK(oparg);
    PUSH(fast_newref(v));
    DISPATCH();
  }

  TARGET(SWAP) {
    Object* t = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = t;
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    Object* v = consts[oparg];
    fast_incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Object* v = fast[oparg];
    if (__builtin_expect(v == nullptr, 0)) {
      unbound_local(ts, tuple_item(co->varnames, oparg));
      goto error;
    }
    fast_incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    Object* v = POP();
    Object* old = fast[oparg];
    fast[oparg] = v;
    fast_xdecref(old);
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    Object* old = fast[oparg];
    if (!old) {
      unbound_local(ts, tuple_item(co->varnames, oparg));
      goto error;
    }
    fast[oparg] = nullptr;
    fast_decref(old);
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    Object* name = GETNAME(oparg);
    Object* locals = frame->locals;
    Object* v = nullptr;
    if (!locals) {
      raise(ts, &exc::SystemError, "no locals when loading '%s'", str_cstr(name));
      goto error;
    }
    if (is_dict_exact(locals)) {
      v = dict_get_str(ts, static_cast<DictObject*>(locals), static_cast<StrObject*>(name));
      if (v) fast_incref(v);
    } else {
      v = getitem(ts, locals, name);
      if (!v) {
        if (!exc_matches(ts, &exc::KeyError)) goto error;
        clear_exc(ts);
      }
    }
    if (!v) {
      v = dict_get_str(ts, frame->globals, static_cast<StrObject*>(name));
      if (!v) v = dict_get_str(ts, frame->builtins, static_cast<StrObject*>(name));
      if (!v) {
        name_error(ts, name);
        goto error;
      }
      fast_incref(v);
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    Object* name = GETNAME(oparg);
    Object* v = POP();
    Object* locals = frame->locals;
    bool ok;
    if (!locals) {
      raise(ts, &exc::SystemError, "no locals found when storing '%s'", str_cstr(name));
      ok = false;
    } else {
      ok = store_local_name(ts, locals, name, v);
    }
    fast_decref(v);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    Object* name = GETNAME(oparg);
    Object* locals = frame->locals;
    if (!locals) {
      raise(ts, &exc::SystemError, "no locals when deleting '%s'", str_cstr(name));
      goto error;
    }
    if (is_dict_exact(locals)) {
      int r = dict_del(ts, static_cast<DictObject*>(locals), name);
      if (r < 0) goto error;
      if (r == 0) {
        name_error(ts, name);
        goto error;
      }
    } else if (!delitem(ts, locals, name)) {
      if (exc_matches(ts, &exc::KeyError)) {
        clear_exc(ts);
        name_error(ts, name);
      }
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    GlobalCache* c = &co->gcache[oparg];
    DictObject* g = frame->globals;
    Object* v;
    if (c->globals == g && c->gversion == g->version &&
        (c->builtins == nullptr ||
         (c->builtins == frame->builtins && c->bversion == frame->builtins->version))) {
      v = c->value;
    } else {
      StrObject* name = static_cast<StrObject*>(GETNAME(c->name));
      v = dict_get_str(ts, g, name);
      if (v) {
        c->globals = g;
        c->gversion = g->version;
        c->builtins = nullptr;
        c->value = v;
      } else {
        DictObject* b = frame->builtins;
        v = dict_get_str(ts, b, name);
        if (!v) {
          name_error(ts, name);
          goto error;
        }
        c->globals = g;
        c->gversion = g->version;
        c->builtins = b;
        c->bversion = b->version;
        c->value = v;
      }
    }
    fast_incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    Object* v = POP();
    bool ok = dict_set(ts, frame->globals, GETNAME(oparg), v);
    fast_decref(v);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    Object* name = GETNAME(oparg);
    int r = dict_del(ts, frame->globals, name);
    if (r < 0) goto error;
    if (r == 0) {
      name_error(ts, name);
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    auto* cell = static_cast<CellObject*>(fast[co->nlocals + oparg]);
    Object* v = cell->ref;
    if (!v) {
      unbound_deref(ts, co, oparg);
      goto error;
    }
    fast_incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_CLASSDEREF) {
    int idx = static_cast<int>(oparg);
    Object* name = idx < co->ncells ? tuple_item(co->cellvars, idx)
                                    : tuple_item(co->freevars, idx - co->ncells);
    Object* v = nullptr;
    Object* locals = frame->locals;
    if (locals) {
      if (is_dict_exact(locals)) {
        v = dict_get_str(ts, static_cast<DictObject*>(locals), static_cast<StrObject*>(name));
        xincref(v);
      } else {
        v = getitem(ts, locals, name);
        if (!v) {
          if (!exc_matches(ts, &exc::KeyError)) goto error;
          clear_exc(ts);
        }
      }
    }
    if (!v) {
      auto* cell = static_cast<CellObject*>(fast[co->nlocals + oparg]);
      v = cell->ref;
      if (!v) {
        unbound_deref(ts, co, oparg);
        goto error;
      }
      fast_incref(v);
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    auto* cell = static_cast<CellObject*>(fast[co->nlocals + oparg]);
    Object* v = POP();
    setref(cell->ref, v);
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    auto* cell = static_cast<CellObject*>(fast[co->nlocals + oparg]);
    if (!cell->ref) {
      unbound_deref(ts, co, oparg);
      goto error;
    }
    clearref(cell->ref);
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    Object* c = fast[co->nlocals + oparg];
    fast_incref(c);
    PUSH(c);
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    Object* owner = TOP();
    auto* name = static_cast<StrObject*>(GETNAME(oparg));
    AttrCache* c = attr_cache_at(co, pc);
    Object* v;
    if (attr_cache_hit(c, owner->type)) {
      v = cached_load_attr(ts, c, owner, name);
      if (!v) {
        if (exc_occurred(ts)) goto error;
        v = getattr(ts, owner, name);
      }
    } else {
      load_attr_fill(ts, c, owner, name);
      v = getattr(ts, owner, name);
    }
    if (!v) goto error;
    SET_TOP(v);
    fast_decref(owner);
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    Object* owner = TOP();
    auto* name = static_cast<StrObject*>(GETNAME(oparg));
    TypeObject* t = owner->type;
    AttrCache* c = attr_cache_at(co, pc);
    if (attr_cache_hit(c, t)) {
      if (c->kind == AttrKind::Method) {
        DictObject* d = t->dict_offset > 0 ? *dict_slot_of(owner, t) : nullptr;
        if (!d || (is_dict_exact(d) && (d->used == 0 || !dict_get_str(ts, d, name)))) {
          Object* descr = c->descr;
          fast_incref(descr);
          SET_TOP(descr);
          PUSH(owner);
          DISPATCH();
        }
      } else {
        Object* v = cached_load_attr(ts, c, owner, name);
        if (v) {
          SET_TOP(v);
          fast_decref(owner);
          PUSH(nullptr);
          DISPATCH();
        }
        if (exc_occurred(ts)) goto error;
      }
    } else {
      load_method_fill(ts, c, owner, name);
    }
    if (t->getattro == generic_getattr) {
      Object* descr = type_lookup(t, name);
      if (descr && (descr->type == &FunctionType || descr->type == &MethodDescrType)) {
        bool shadowed = false;
        if (t->dict_offset) {
          Object** dslot = instance_dict_slot(owner);
          if (dslot && *dslot && is_dict(*dslot) &&
              dict_get_str(ts, static_cast<DictObject*>(*dslot), name))
            shadowed = true;
        }
        if (!shadowed) {
          fast_incref(descr);
          SET_TOP(descr);
          PUSH(owner);
          DISPATCH();
        }
      }
    }
    Object* v = getattr(ts, owner, name);
    if (!v) goto error;
    SET_TOP(v);
    fast_decref(owner);
    PUSH(nullptr);
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    Object* owner = POP();
    Object* v = POP();
    auto* name = static_cast<StrObject*>(GETNAME(oparg));
    TypeObject* t = owner->type;
    AttrCache* c = attr_cache_at(co, pc);
    if (attr_cache_hit(c, t)) {
      DictObject* d = *dict_slot_of(owner, t);
      if (d && is_dict_exact(d)) {
        uint32_t h = c->hint;
        if (h < d->nentries && d->entries[h].key == name) {
          // Replace in place, as dict_set does for a present key.
          Object* old = d->entries[h].value;
          d->entries[h].value = v;
          ++d->version;
          fast_decref(old);
          fast_decref(owner);
          DISPATCH();
        }
        bool ok = dict_set(ts, d, name, v);
        fast_decref(v);
        if (ok) {
          ssize n = d->nentries < 64 ? d->nentries : 64;
          for (ssize i = n - 1; i >= 0; --i)
            if (d->entries[i].key == name) {
              c->hint = static_cast<uint32_t>(i);
              break;
            }
        }
        fast_decref(owner);
        if (!ok) goto error;
        DISPATCH();
      }
    } else {
      store_attr_fill(ts, c, owner, name);
    }
    bool ok = setattr(ts, owner, name, v);
    fast_decref(v);
    fast_decref(owner);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    Object* owner = POP();
    bool ok = setattr(ts, owner, static_cast<StrObject*>(GETNAME(oparg)), nullptr);
    fast_decref(owner);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(BINARY_OP) {
    Object* right = POP();
    Object* left = TOP();
    Object* res = nullptr;
    unsigned op = oparg & 0xf;
    if (left->type == &IntType && right->type == &IntType && !static_cast<IntObject*>(left)->big &&
        !static_cast<IntObject*>(right)->big) {
      int64_t r;
      int k = int_fast_compute(static_cast<IntObject*>(left)->value,
                               static_cast<IntObject*>(right)->value, op, &r);
      if (k == 1) {
        // A temporary int only the stack holds is reused for the result (small ints stay cached).
        if (r < kSmallIntMin || r > kSmallIntMax) {
          Object* target = store_fast_target(pc, fast, &IntType, left, right);
          if (target && !static_cast<IntObject*>(target)->big) {
            static_cast<IntObject*>(target)->value = r;
            ++pc;  // the STORE_FAST
            sp--;
            fast_decref(right);
            fast_decref(left);
            DISPATCH();
          }
          if (left->refcnt == 1) {
            static_cast<IntObject*>(left)->value = r;
            fast_decref(right);
            DISPATCH();
          }
        }
        res = vm_int(ts, r);
        fast_decref(right);
        fast_decref(left);
        if (!res) {
          sp--;
          goto error;
        }
        SET_TOP(res);
        DISPATCH();
      }
      if (k == 2) {  // true division of exact ints
        double q = static_cast<double>(static_cast<IntObject*>(left)->value) /
                   static_cast<double>(static_cast<IntObject*>(right)->value);
        res = vm_float(ts, q);
        fast_decref(right);
        fast_decref(left);
        if (!res) {
          sp--;
          goto error;
        }
        SET_TOP(res);
        DISPATCH();
      }
    } else {
      double a, b;
      bool ok = true;
      if (left->type == &FloatType)
        a = float_value(left);
      else if (left->type == &IntType && !static_cast<IntObject*>(left)->big &&
               exact_in_double(static_cast<IntObject*>(left)->value))
        a = static_cast<double>(static_cast<IntObject*>(left)->value);
      else
        ok = false;
      if (ok) {
        if (right->type == &FloatType)
          b = float_value(right);
        else if (right->type == &IntType && !static_cast<IntObject*>(right)->big &&
                 exact_in_double(static_cast<IntObject*>(right)->value) && left->type == &FloatType)
          b = static_cast<double>(static_cast<IntObject*>(right)->value);
        else
          ok = false;
      }
      double r;
      if (ok && float_fast_compute(a, b, op, &r)) {
        // Reuse a temporary float only the stack holds (no allocation in float-heavy loops).
        if (Object* target = store_fast_target(pc, fast, &FloatType, left, right)) {
          static_cast<FloatObject*>(target)->value = r;
          ++pc;  // the STORE_FAST
          sp--;
          fast_decref(right);
          fast_decref(left);
          DISPATCH();
        }
        if (left->type == &FloatType && left->refcnt == 1) {
          static_cast<FloatObject*>(left)->value = r;
          fast_decref(right);
          DISPATCH();
        }
        if (right->type == &FloatType && right->refcnt == 1) {
          static_cast<FloatObject*>(right)->value = r;
          fast_decref(left);
          SET_TOP(right);
          DISPATCH();
        }
        res = vm_float(ts, r);
        fast_decref(right);
        fast_decref(left);
        if (!res) {
          sp--;
          goto error;
        }
        SET_TOP(res);
        DISPATCH();
      }
    }
    if (oparg & kInplaceFlag)
      res = inplace_op(ts, left, right, static_cast<BinOp>(op));
    else
      res = binary_op(ts, left, right, static_cast<BinOp>(op));
    fast_decref(right);
    fast_decref(left);
    if (!res) {
      sp--;
      goto error;
    }
    SET_TOP(res);
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    Object* right = POP();
    Object* left = TOP();
    Object* res;
    int known = -1;  // fast paths: the truth of the comparison
    if (left->type == &IntType && right->type == &IntType && !static_cast<IntObject*>(left)->big &&
        !static_cast<IntObject*>(right)->big) {
      known = cmp_i64(static_cast<IntObject*>(left)->value, static_cast<IntObject*>(right)->value,
                      oparg);
    } else if (left->type == &FloatType && right->type == &FloatType) {
      known = cmp_f64(float_value(left), float_value(right), oparg);
    } else if (left->type == &StrType && right->type == &StrType &&
               (oparg == static_cast<unsigned>(CmpOp::EQ) ||
                oparg == static_cast<unsigned>(CmpOp::NE))) {
      bool eq =
          left == right || str_equal(static_cast<StrObject*>(left), static_cast<StrObject*>(right));
      known = oparg == static_cast<unsigned>(CmpOp::EQ) ? eq : !eq;
    }
    if (known >= 0) {
      fast_decref(right);
      fast_decref(left);
      // Fused with a following conditional jump: no bool is pushed.
      Op next = instr_op(*pc);
      if (next == Op::POP_JUMP_IF_FALSE || next == Op::POP_JUMP_IF_TRUE) {
        sp--;
        uint32_t target = instr_arg(*pc);
        ++pc;
        if ((next == Op::POP_JUMP_IF_TRUE) == (known != 0)) JUMPTO(target);
        DISPATCH();
      }
      SET_TOP(py_bool(known != 0));
      DISPATCH();
    }
    res = richcompare(ts, left, right, static_cast<CmpOp>(oparg));
    fast_decref(right);
    fast_decref(left);
    if (!res) {
      sp--;
      goto error;
    }
    SET_TOP(res);
    DISPATCH();
  }

  TARGET(IS_OP) {
    Object* right = POP();
    Object* left = TOP();
    bool r = (left == right) != (oparg != 0);
    fast_decref(right);
    fast_decref(left);
    SET_TOP(py_bool(r));
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Object* right = POP();
    Object* left = TOP();
    int r = contains(ts, right, left);
    fast_decref(right);
    fast_decref(left);
    if (r < 0) {
      sp--;
      goto error;
    }
    SET_TOP(py_bool((r != 0) != (oparg != 0)));
    DISPATCH();
  }

  TARGET(UNARY_NEGATIVE) {
    Object* v = TOP();
    Object* r;
    if (v->type == &IntType && !static_cast<IntObject*>(v)->big &&
        static_cast<IntObject*>(v)->value != INT64_MIN)
      r = vm_int(ts, -static_cast<IntObject*>(v)->value);
    else if (v->type == &FloatType)
      r = vm_float(ts, -float_value(v));
    else
      r = negative(ts, v);
    fast_decref(v);
    if (!r) {
      sp--;
      goto error;
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(UNARY_POSITIVE) {
    Object* v = TOP();
    Object* r = positive(ts, v);
    fast_decref(v);
    if (!r) {
      sp--;
      goto error;
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(UNARY_INVERT) {
    Object* v = TOP();
    Object* r = invert(ts, v);
    fast_decref(v);
    if (!r) {
      sp--;
      goto error;
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    Object* v = TOP();
    int t;
    if (v == py_bool(true))
      t = 1;
    else if (v == py_bool(false) || is_none(v))
      t = 0;
    else
      t = truthy(ts, v);
    fast_decref(v);
    if (t < 0) {
      sp--;
      goto error;
    }
    SET_TOP(py_bool(!t));
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Object* sub = POP();
    Object* container = TOP();
    Object* res;
    if (sub->type == &IntType && !static_cast<IntObject*>(sub)->big &&
        (container->type == &ListType || container->type == &TupleType)) {
      int64_t i = static_cast<IntObject*>(sub)->value;
      ssize n = container->type == &ListType ? list_size(container) : tuple_size(container);
      if (i < 0) i += n;
      if (i >= 0 && i < n) {
        res = container->type == &ListType ? list_item(container, i) : tuple_item(container, i);
        fast_incref(res);
        fast_decref(sub);
        fast_decref(container);
        SET_TOP(res);
        DISPATCH();
      }
    } else if (container->type == &DictType) {
      res = dict_get(ts, static_cast<DictObject*>(container), sub);
      if (res) {
        fast_incref(res);
        fast_decref(sub);
        fast_decref(container);
        SET_TOP(res);
        DISPATCH();
      }
      if (exc_occurred(ts)) {
        fast_decref(sub);
        fast_decref(container);
        sp--;
        goto error;
      }
    }
    res = getitem(ts, container, sub);
    fast_decref(sub);
    fast_decref(container);
    if (!res) {
      sp--;
      goto error;
    }
    SET_TOP(res);
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Object* sub = TOP();
    Object* container = SECOND();
    Object* v = PEEK(3);
    sp -= 3;
    bool ok;
    if (container->type == &ListType && sub->type == &IntType &&
        !static_cast<IntObject*>(sub)->big) {
      int64_t i = static_cast<IntObject*>(sub)->value;
      auto* l = static_cast<ListObject*>(container);
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) {
        Object* old = l->items[i];
        l->items[i] = v;
        fast_decref(old);
        fast_decref(sub);
        fast_decref(container);
        DISPATCH();
      }
    }
    if (container->type == &DictType)
      ok = dict_set(ts, static_cast<DictObject*>(container), sub, v);
    else
      ok = setitem(ts, container, sub, v);
    fast_decref(v);
    fast_decref(sub);
    fast_decref(container);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Object* sub = POP();
    Object* container = POP();
    bool ok = delitem(ts, container, sub);
    fast_decref(sub);
    fast_decref(container);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = TOP();
    Object* s = slice_new(ts, start, stop, step);
    fast_decref(start);
    fast_decref(stop);
    fast_xdecref(step);
    if (!s) {
      sp--;
      goto error;
    }
    SET_TOP(s);
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    TupleObject* t = tuple_new(ts, oparg);
    if (!t) goto error;
    for (uint32_t i = oparg; i > 0; --i) t->items[i - 1] = POP();
    PUSH(t);
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    ListObject* l = list_new(ts, oparg);
    if (!l) goto error;
    sp -= oparg;
    if (l->capacity >= static_cast<ssize>(oparg)) {
      for (uint32_t i = 0; i < oparg; ++i) l->items[i] = sp[i];
      l->size = oparg;
    } else {
      for (uint32_t i = 0; i < oparg; ++i) {
        if (!list_append(ts, l, sp[i])) {
          fast_decref(l);
          for (uint32_t j = 0; j < oparg; ++j) fast_decref(sp[j]);
          goto error;
        }
      }
      for (uint32_t j = 0; j < oparg; ++j) fast_decref(sp[j]);
    }
    PUSH(l);
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    SetObject* s = set_new(ts);
    bool ok = s != nullptr;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; ++i) {
      if (ok && !set_add(ts, s, sp[i])) ok = false;
      fast_decref(sp[i]);
    }
    if (!ok) {
      fast_xdecref(s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    DictObject* d = dict_new(ts);
    bool ok = d != nullptr;
    sp -= 2 * oparg;
    for (uint32_t i = 0; i < oparg; ++i) {
      if (ok && !dict_set(ts, d, sp[2 * i], sp[2 * i + 1])) ok = false;
      fast_decref(sp[2 * i]);
      fast_decref(sp[2 * i + 1]);
    }
    if (!ok) {
      fast_xdecref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_CONST_KEY_MAP) {
    Object* keys = POP();
    DictObject* d = dict_new(ts);
    bool ok = d != nullptr;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; ++i) {
      if (ok && !dict_set(ts, d, tuple_item(keys, i), sp[i])) ok = false;
      fast_decref(sp[i]);
    }
    fast_decref(keys);
    if (!ok) {
      fast_xdecref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    // C++ locals with destructors must die before DISPATCH: a computed goto skips destructors.
    Object* s;
    {
      std::string buf;
      sp -= oparg;
      for (uint32_t i = 0; i < oparg; ++i) buf += str_view(sp[i]);
      for (uint32_t i = 0; i < oparg; ++i) fast_decref(sp[i]);
      s = str_from(ts, buf);
    }
    if (!s) goto error;
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Object* v = POP();
    bool ok = list_append(ts, static_cast<ListObject*>(PEEK(oparg)), v);
    fast_decref(v);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Object* v = POP();
    bool ok = set_add(ts, static_cast<SetObject*>(PEEK(oparg)), v);
    fast_decref(v);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Object* v = POP();
    Object* k = POP();
    bool ok = dict_set(ts, static_cast<DictObject*>(PEEK(oparg)), k, v);
    fast_decref(k);
    fast_decref(v);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    Object* it = POP();
    bool ok = list_extend(ts, static_cast<ListObject*>(PEEK(oparg)), it);
    if (!ok && exc_matches(ts, &exc::TypeError) && !it->type->iter && !it->type->getitem) {
      clear_exc(ts);
      raise(ts, &exc::TypeError, "Value after * must be an iterable, not %s", type_name(it));
    }
    fast_decref(it);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    Object* it = POP();
    auto* s = static_cast<SetObject*>(PEEK(oparg));
    {  // iter must be released before DISPATCH (a computed goto skips destructors)
      Ref<> iter = Ref<>::steal(get_iter(ts, it));
      fast_decref(it);
      if (!iter) goto error;
      for (;;) {
        Object* x = iter_next(ts, iter.get());
        if (!x) break;
        bool ok = set_add(ts, s, x);
        fast_decref(x);
        if (!ok) goto error;
      }
    }
    if (exc_occurred(ts)) goto error;
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    Object* m = POP();
    bool ok = dict_update(ts, static_cast<DictObject*>(PEEK(oparg)), m);
    if (!ok && exc_matches(ts, &exc::AttributeError)) {
      clear_exc(ts);
      raise(ts, &exc::TypeError, "'%s' object is not a mapping", type_name(m));
    }
    fast_decref(m);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    Object* m = POP();
    Object* func = PEEK(oparg + 2);
    bool ok = dict_merge_call(ts, func, static_cast<DictObject*>(PEEK(oparg)), m);
    fast_decref(m);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    Object* l = TOP();
    TupleObject* t = list_as_tuple(ts, static_cast<ListObject*>(l));
    if (!t) goto error;
    SET_TOP(t);
    fast_decref(l);
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    Object* seq = POP();
    if (seq->type == &TupleType && tuple_size(seq) == static_cast<ssize>(oparg)) {
      for (uint32_t i = oparg; i > 0; --i) PUSH(fast_newref(tuple_item(seq, i - 1)));
    } else if (seq->type == &ListType && list_size(seq) == static_cast<ssize>(oparg)) {
      for (uint32_t i = oparg; i > 0; --i) PUSH(fast_newref(list_item(seq, i - 1)));
    } else {
      bool ok = unpack_iterable(ts, seq, oparg, -1, sp);
      if (!ok) {
        fast_decref(seq);
        goto error;
      }
      sp += oparg;
    }
    fast_decref(seq);
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    Object* seq = POP();
    int before = oparg & 0xff, after = oparg >> 8;
    bool ok = unpack_iterable(ts, seq, before, after, sp);
    fast_decref(seq);
    if (!ok) goto error;
    sp += before + after + 1;
    DISPATCH();
  }

  TARGET(GET_ITER) {
    Object* v = TOP();
    Object* it = get_iter(ts, v);
    fast_decref(v);
    if (!it) {
      sp--;
      goto error;
    }
    SET_TOP(it);
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Object* it = TOP();
    Object* next;
    if (it->type == &ListIterType) {
      auto* li = static_cast<ListIterObject*>(it);
      if (li->seq && li->index < li->seq->size) {
        next = li->seq->items[li->index++];
        fast_incref(next);
        PUSH(next);
        DISPATCH();
      }
      clearref(li->seq);
      next = nullptr;
    } else if (it->type == &RangeIterType) {
      auto* ri = static_cast<RangeIterObject*>(it);
      if (ri->remaining > 0) {
        int64_t v = ri->next;
        ri->next += ri->step;
        --ri->remaining;
        next = vm_int(ts, v);
        if (!next) goto error;
        PUSH(next);
        DISPATCH();
      }
      next = nullptr;
    } else if (it->type == &GeneratorType) {
      Object* r = nullptr;
      frame->sp = sp;
      GenStatus st = gen_send_ex(ts, static_cast<GeneratorObject*>(it), none(), nullptr, &r);
      if (st == GenStatus::Yielded) {
        PUSH(r);
        DISPATCH();
      }
      if (st == GenStatus::Error) goto error;
      fast_decref(r);
      next = nullptr;
    } else {
      next = it->type->iternext(ts, it);
      if (next) {
        PUSH(next);
        DISPATCH();
      }
      if (exc_occurred(ts)) {
        if (!exc_matches(ts, &exc::StopIteration)) goto error;
        clear_exc(ts);
      }
    }
    sp--;
    fast_decref(it);
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(JUMP_FORWARD) {
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD) {
    JUMPTO(oparg);
    CHECK_EVAL_BREAKER();
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Object* v = POP();
    if (v == py_bool(false)) {
      JUMPTO(oparg);
    } else if (v != py_bool(true)) {
      int t = is_none(v) ? 0 : truthy(ts, v);
      fast_decref(v);
      if (t < 0) goto error;
      if (!t) JUMPTO(oparg);
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    Object* v = POP();
    if (v == py_bool(true)) {
      JUMPTO(oparg);
    } else if (v != py_bool(false)) {
      int t = is_none(v) ? 0 : truthy(ts, v);
      fast_decref(v);
      if (t < 0) goto error;
      if (t) JUMPTO(oparg);
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NONE) {
    Object* v = POP();
    if (is_none(v)) JUMPTO(oparg);
    fast_decref(v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NOT_NONE) {
    Object* v = POP();
    if (!is_none(v)) JUMPTO(oparg);
    fast_decref(v);
    DISPATCH();
  }

  TARGET(JUMP_IF_FALSE_OR_POP) {
    Object* v = TOP();
    int t = v == py_bool(true) ? 1 : v == py_bool(false) ? 0 : truthy(ts, v);
    if (t < 0) goto error;
    if (!t) {
      JUMPTO(oparg);
    } else {
      sp--;
      fast_decref(v);
    }
    DISPATCH();
  }

  TARGET(JUMP_IF_TRUE_OR_POP) {
    Object* v = TOP();
    int t = v == py_bool(true) ? 1 : v == py_bool(false) ? 0 : truthy(ts, v);
    if (t < 0) goto error;
    if (t) {
      JUMPTO(oparg);
    } else {
      sp--;
      fast_decref(v);
    }
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    Object* retval = POP();
    frame->sp = sp;
    if (frame->exc_linked) {
      unlink_exc_node(ts, frame);
      frame->exc_linked = false;
      clearref(frame->exc_node.exc);
    }
    if (frame->is_entry) {
      result = retval;
      frame->nblocks = -1;  // marks "finished" for generators
      goto exit_eval;
    }
    Frame* caller = frame->back;
    if (frame->func && !frame->locals && !frame->owns_env && !frame->exc_node.exc) {
      // frame_clear for a plain function frame, inline.
      for (Object **p = frame->localsplus, **end = sp; p < end; ++p) {
        if (Object* o = *p) {
          *p = nullptr;
          fast_decref(o);
        }
      }
      Object* fn = reinterpret_cast<Object*>(frame->func);
      CodeObject* fco = frame->code;
      frame->func = nullptr;
      frame->code = nullptr;
      fast_decref(fn);
      fast_decref(fco);
    } else {
      frame_clear(frame);
    }
    pop_frame(ts, frame);
    --ts->recursion_depth;
    frame = caller;
    ts->frame = caller;
    LOAD_FRAME_STATE();
    PUSH(retval);
    DISPATCH();
  }

  TARGET(YIELD_VALUE) {
    Object* v = POP();
    frame->sp = sp;
    if (frame->exc_linked) unlink_exc_node(ts, frame);  // stays flagged: relinked on resume
    result = v;
    goto exit_eval;
  }

  TARGET(GET_AWAITABLE) {
    Object* v = TOP();
    if (!is_generator(v)) {
      Object* aw = special_lookup(ts, v, names.__await__);
      if (!aw) {
        if (!exc_occurred(ts))
          raise(ts, &exc::TypeError, "object %s can't be used in 'await' expression", type_name(v));
        goto error;
      }
      Object* it = call0(ts, aw);
      fast_decref(aw);
      if (!it) goto error;
      if (!it->type->iternext) {
        raise(ts, &exc::TypeError, "__await__() returned non-iterator of type '%s'", type_name(it));
        fast_decref(it);
        goto error;
      }
      fast_decref(v);
      SET_TOP(it);
    }
    DISPATCH();
  }

  TARGET(GET_YIELD_FROM_ITER) {
    Object* v = TOP();
    if (!is_generator(v)) {
      Object* it = get_iter(ts, v);
      fast_decref(v);
      if (!it) {
        sp--;
        goto error;
      }
      SET_TOP(it);
    }
    DISPATCH();
  }

  TARGET(SEND) {
    Object* v = POP();
    Object* receiver = TOP();
    Object* r = nullptr;
    bool returned = false;
    frame->sp = sp;
    if (is_generator(receiver)) {
      GenStatus st = gen_send_ex(ts, static_cast<GeneratorObject*>(receiver), v, nullptr, &r);
      fast_decref(v);
      if (st == GenStatus::Error) goto error;
      returned = st == GenStatus::Returned;
    } else {
      if (is_none(v) && receiver->type->iternext) {
        r = receiver->type->iternext(ts, receiver);
      } else {
        r = call_method(ts, receiver, "send", {v});
      }
      fast_decref(v);
      if (!r) {
        if (exc_occurred(ts)) {
          if (!exc_matches(ts, &exc::StopIteration)) goto error;
          Object* e = fetch_exc(ts);
          Object* val = static_cast<StopIterationObject*>(e)->value;
          r = fast_newref(val ? val : none());
          fast_decref(e);
        } else {
          r = new_none();
        }
        returned = true;
      }
    }
    if (returned) {
      sp--;
      fast_decref(receiver);
      PUSH(r);
      JUMPTO(oparg);
    } else {
      PUSH(r);
    }
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    if (oparg == 0) {
      Object* e = current_handled_exception(ts);
      if (!e) {
        raise(ts, &exc::RuntimeError, "No active exception to reraise");
        goto error;
      }
      restore_exc(ts, fast_newref(e));
      goto exception_unwind;
    }
    Object* cause = oparg == 2 ? POP() : nullptr;
    Object* e = POP();
    do_raise(ts, e, cause);
    fast_decref(e);
    fast_xdecref(cause);
    goto error;
  }

  TARGET(RERAISE) {
    Object* e = POP();
    restore_exc(ts, e);
    goto exception_unwind;
  }

  TARGET(SETUP_FINALLY) {
    Block& b = frame->blocks[frame->nblocks++];
    b.handler = static_cast<int32_t>(oparg);
    b.level = static_cast<int32_t>(sp - frame->stack_base());
    DISPATCH();
  }

  TARGET(POP_BLOCK) {
    frame->nblocks--;
    DISPATCH();
  }

  TARGET(PUSH_EXC_INFO) {
    Object* e = TOP();
    if (!frame->exc_linked) {
      frame->exc_linked = true;
      frame->exc_node.exc = nullptr;
      frame->exc_node.previous = ts->exc_info;
      ts->exc_info = &frame->exc_node;
    }
    Object* prev = frame->exc_node.exc;
    frame->exc_node.exc = fast_newref(e);
    SET_TOP(prev ? prev : new_none());
    PUSH(e);
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    Object* prev = POP();
    Object* old = frame->exc_node.exc;
    frame->exc_node.exc = is_none(prev) ? nullptr : prev;
    fast_xdecref(old);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Object* t = TOP();
    Object* e = SECOND();
    if (!check_except_type(ts, t)) goto error;
    int r = isinstance_check(ts, e, t);
    if (r < 0) goto error;
    fast_decref(t);
    SET_TOP(py_bool(r));
    DISPATCH();
  }

  TARGET(BEFORE_WITH) {
    Object* mgr = TOP();
    Object* enter = special_lookup(ts, mgr, names.__enter__);
    if (!enter) {
      if (!exc_occurred(ts))
        raise(ts, &exc::TypeError, "'%s' object does not support the context manager protocol",
              type_name(mgr));
      goto error;
    }
    Object* exit = special_lookup(ts, mgr, names.__exit__);
    if (!exit) {
      fast_decref(enter);
      if (!exc_occurred(ts))
        raise(ts, &exc::TypeError,
              "'%s' object does not support the context manager protocol (missed __exit__ method)",
              type_name(mgr));
      goto error;
    }
    SET_TOP(exit);
    fast_decref(mgr);
    Object* res = call0(ts, enter);
    fast_decref(enter);
    if (!res) goto error;
    Block& b = frame->blocks[frame->nblocks++];
    b.handler = static_cast<int32_t>(oparg);
    b.level = static_cast<int32_t>(sp - frame->stack_base());
    PUSH(res);
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    // [exit, prev, exc]
    Object* e = TOP();
    Object* exitf = PEEK(3);
    Object* tb = static_cast<BaseExceptionObject*>(e)->traceback;
    Object* args[3] = {e->type, e, tb ? tb : none()};
    Object* res = call(ts, exitf, args, 3);
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(&exc::AssertionError);
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Object* bc = load_build_class(ts, frame);
    if (!bc) goto error;
    PUSH(bc);
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    auto* code = static_cast<CodeObject*>(POP());
    FunctionObject* fn = function_new(ts, code, frame->globals);
    fast_decref(code);
    if (!fn) goto error;
    if (oparg & kFnClosure) fn->closure = static_cast<TupleObject*>(POP());
    if (oparg & kFnAnnotations) fn->annotations = POP();
    if (oparg & kFnKwDefaults) fn->kwdefaults = static_cast<DictObject*>(POP());
    if (oparg & kFnDefaults) fn->defaults = static_cast<TupleObject*>(POP());
    PUSH(fn);
    DISPATCH();
  }

  TARGET(KW_NAMES) {
    kwnames = static_cast<TupleObject*>(consts[oparg]);
    DISPATCH();
  }

  TARGET(CALL) {
    Object** base = sp - oparg - 2;
    Object* callable = base[0];
    Object** argv;
    size_t argc;
    TupleObject* kwn = kwnames;
    kwnames = nullptr;
    if (base[1]) {
      argv = base + 1;
      argc = oparg + 1;
    } else if (callable->type == &BoundMethodType) {
      auto* bm = static_cast<BoundMethodObject*>(callable);
      base[1] = fast_newref(bm->self);
      base[0] = fast_newref(bm->func);
      fast_decref(callable);
      callable = base[0];
      argv = base + 1;
      argc = oparg + 1;
    } else {
      argv = base + 2;
      argc = oparg;
    }
    size_t nkw = kwn ? static_cast<size_t>(kwn->size) : 0;
    if (callable->type == &FunctionType) {
      auto* fn = static_cast<FunctionObject*>(callable);
      CodeObject* fco = fn->code;
      if (!(fco->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator))) {
        if (ts->recursion_depth >= interp->recursion_limit) {
          recursion_error(ts, false);
          goto call_cleanup_error;
        }
        Frame* nf = push_frame(ts, fco);
        if (!nf) goto call_cleanup_error;
        frame_init_header(nf, fco, fn, fn->globals, fn->builtins, nullptr, FrameKind::Stack);
        Object** lp = nf->localsplus;
        size_t nfast = static_cast<size_t>(fco->nlocals + fco->ncells + fco->nfrees);
        if (!kwn && fco->simple_args && argc == static_cast<size_t>(fco->argcount)) {
          for (size_t i = 0; i < argc; ++i) lp[i] = argv[i];
          for (size_t i = argc; i < nfast; ++i) {
            lp[i] = nullptr;
            __asm__("" : : "r"(lp));  // a short loop, not a memset call
          }
          if (fco->ncells || fco->nfrees) {
            if (!init_cells_and_frees(ts, fn, nf)) {
              frame_clear(nf);
              frame_stack_free(ts, nf);
              fast_decref(callable);
              if (argv != base + 1 && base[1]) fast_decref(base[1]);
              sp = base;
              goto error;
            }
          }
          fast_decref(callable);
          if (argv == base + 2 && base[1]) fast_decref(base[1]);
        } else {
          for (size_t i = 0; i < nfast; ++i) lp[i] = nullptr;
          if (!bind_arguments(ts, fn, nf, argv, argc - nkw, kwn) ||
              ((fco->ncells || fco->nfrees) && !init_cells_and_frees(ts, fn, nf))) {
            frame_clear(nf);
            frame_stack_free(ts, nf);
            goto call_cleanup_error;
          }
          for (Object** p = base; p < sp; ++p) fast_xdecref(*p);
        }
        sp = base;
        frame->sp = sp;
        nf->back = frame;
        ++ts->recursion_depth;
        frame = nf;
        ts->frame = nf;
        LOAD_FRAME_STATE();
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }
    }
    {
      frame->sp = sp;
      Object* res = call(ts, callable, argv, argc - nkw, kwn);
      for (Object** p = base; p < sp; ++p) fast_xdecref(*p);
      sp = base;
      if (!res) goto error;
      PUSH(res);
      CHECK_EVAL_BREAKER();
      DISPATCH();
    }
  call_cleanup_error:
    for (Object** p = base; p < sp; ++p) fast_xdecref(*p);
    sp = base;
    goto error;
  }

  TARGET(CALL_FUNCTION_EX) {
    Object* kwargs = (oparg & kCallExKwargs) ? POP() : nullptr;
    Object* args = POP();
    Object* func = TOP();
    if (!is_tuple_exact(args)) {
      Object* t = tuple_from_iterable(ts, args);
      if (!t) {
        if (exc_matches(ts, &exc::TypeError) && !args->type->iter && !args->type->getitem) {
          clear_exc(ts);
          raise(ts, &exc::TypeError, "%s argument after * must be an iterable, not %s",
                function_str(ts, func).c_str(), type_name(args));
        }
        fast_decref(args);
        fast_xdecref(kwargs);
        goto error;
      }
      fast_decref(args);
      args = t;
    }
    if (kwargs && !is_dict_exact(kwargs)) {
      DictObject* d = dict_new(ts);
      if (!d || !dict_merge_call(ts, func, d, kwargs)) {
        fast_xdecref(d);
        fast_decref(args);
        fast_decref(kwargs);
        goto error;
      }
      fast_decref(kwargs);
      kwargs = d;
    }
    frame->sp = sp;
    Object* res = call_tuple_dict(ts, func, static_cast<TupleObject*>(args),
                                  static_cast<DictObject*>(kwargs));
    fast_decref(args);
    fast_xdecref(kwargs);
    fast_decref(func);
    if (!res) {
      sp--;
      goto error;
    }
    SET_TOP(res);
    CHECK_EVAL_BREAKER();
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    Object* spec = (oparg & kFmtHaveSpec) ? POP() : nullptr;
    Object* v = TOP();
    Object* r = format_value(ts, v, oparg & 3, spec);
    fast_xdecref(spec);
    fast_decref(v);
    if (!r) {
      sp--;
      goto error;
    }
    SET_TOP(r);
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Object* fromlist = POP();
    Object* level = TOP();
    int64_t lv = 0;
    int_to_i64(level, &lv);
    frame->sp = sp;
    Object* m = import_name(ts, static_cast<StrObject*>(GETNAME(oparg)), frame->globals, fromlist,
                            static_cast<int>(lv));
    fast_decref(fromlist);
    fast_decref(level);
    if (!m) {
      sp--;
      goto error;
    }
    SET_TOP(m);
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    Object* v = import_from(ts, TOP(), GETNAME(oparg));
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    Object* m = POP();
    frame->sp = sp;
    bool ok = import_star(ts, frame, m);
    fast_decref(m);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(SETUP_ANNOTATIONS) {
    Object* locals = frame->locals;
    if (!locals) {
      raise(ts, &exc::SystemError, "no locals found when setting up annotations");
      goto error;
    }
    if (is_dict_exact(locals)) {
      if (!dict_get_str(ts, static_cast<DictObject*>(locals), names.__annotations__)) {
        Ref<> d = Ref<>::steal(dict_new(ts));
        if (!d || !dict_set(ts, static_cast<DictObject*>(locals), names.__annotations__, d.get()))
          goto error;
      }
    } else {
      Object* v = getitem(ts, locals, names.__annotations__);
      if (v) {
        fast_decref(v);
      } else {
        if (!exc_matches(ts, &exc::KeyError)) goto error;
        clear_exc(ts);
        Ref<> d = Ref<>::steal(dict_new(ts));
        if (!d || !setitem(ts, locals, names.__annotations__, d.get())) goto error;
      }
    }
    DISPATCH();
  }

  TARGET(PRINT_EXPR) {
    Object* v = POP();
    frame->sp = sp;
    bool ok = print_expr(ts, v);
    fast_decref(v);
    if (!ok) goto error;
    DISPATCH();
  }

  TARGET(GET_LEN) {
    ssize n = length(ts, TOP());
    if (n < 0) goto error;
    Object* v = int_from(ts, n);
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(MATCH_MAPPING) {
    Object* s = TOP();
    bool r = is_dict(s);
    if (!r) {
      // collections.abc.Mapping registrations are not tracked: fall back to having keys/items.
      Ref<> k = Ref<>::steal(getattr_opt(ts, s, names.keys));
      Ref<> gi = Ref<>::steal(getattr_opt(ts, s, names.__getitem__));
      clear_exc(ts);
      r = k && gi && !is_str(s) && !is_list(s) && !is_tuple(s);
    }
    PUSH(py_bool(r));
    DISPATCH();
  }

  TARGET(MATCH_SEQUENCE) {
    Object* s = TOP();
    bool r = is_list(s) || is_tuple(s) || s->type->name == std::string_view("range") ||
             s->type->name == std::string_view("collections.deque") ||
             s->type->name == std::string_view("memoryview");
    PUSH(py_bool(r));
    DISPATCH();
  }

  TARGET(MATCH_KEYS) {
    // [subject, keys] -> [subject, keys, values_tuple_or_None]
    Object* keys = TOP();
    Object* subject = SECOND();
    ssize n = tuple_size(keys);
    TupleObject* vals = tuple_new(ts, n);
    if (!vals) goto error;
    bool ok = true, found = true;
    for (ssize i = 0; i < n && found; ++i) {
      Object* v = nullptr;
      if (is_dict(subject)) {
        v = dict_get(ts, static_cast<DictObject*>(subject), tuple_item(keys, i));
        if (v)
          fast_incref(v);
        else if (exc_occurred(ts))
          ok = false;
      } else {
        Object* args[2] = {tuple_item(keys, i), nullptr};
        (void)args;
        Ref<> getm = Ref<>::steal(getattr(ts, subject, names.get));
        if (!getm) {
          ok = false;
        } else {
          v = call1(ts, getm.get(), tuple_item(keys, i));
          if (!v)
            ok = false;
          else if (is_none(v)) {
            fast_decref(v);
            v = nullptr;
          }
        }
      }
      if (!ok) break;
      if (!v)
        found = false;
      else
        vals->items[i] = v;
    }
    if (!ok) {
      fast_decref(vals);
      goto error;
    }
    if (!found) {
      fast_decref(vals);
      PUSH(new_none());
    } else {
      PUSH(vals);
    }
    DISPATCH();
  }

  TARGET(MATCH_CLASS) {
    // [subject, cls, kwnames_tuple] -> [attrs_tuple_or_None]; oparg = number of positional
    Object* kwn = POP();
    Object* cls = POP();
    Object* subject = TOP();
    Object* res = nullptr;
    int isinst = isinstance_check(ts, subject, cls);
    if (isinst < 0) {
      fast_decref(kwn);
      fast_decref(cls);
      goto error;
    }
    if (isinst) {
      ssize nkw = tuple_size(kwn);
      TupleObject* attrs = tuple_new(ts, oparg + nkw);
      bool ok = attrs != nullptr, matched = true;
      Ref<> match_args;
      if (ok && oparg > 0) {
        match_args = Ref<>::steal(getattr_opt(ts, cls, names.__match_args__));
        if (exc_occurred(ts)) ok = false;
      }
      for (uint32_t i = 0; ok && matched && i < oparg; ++i) {
        Object* name = nullptr;
        if (match_args && is_tuple(match_args.get()) &&
            static_cast<ssize>(i) < tuple_size(match_args.get())) {
          name = tuple_item(match_args.get(), i);
        } else if (i == 0 && !match_args &&
                   (is_int(subject) || is_str(subject) || is_float(subject) || is_list(subject) ||
                    is_tuple(subject) || is_dict(subject) || is_bool(subject) ||
                    is_bytes(subject) || is_anyset(subject))) {
          attrs->items[0] = fast_newref(subject);
          continue;
        } else {
          raise(ts, &exc::TypeError, "%s() accepts %zd positional sub-pattern%s (%u given)",
                static_cast<TypeObject*>(cls)->name,
                match_args ? tuple_size(match_args.get()) : static_cast<ssize>(0),
                (match_args && tuple_size(match_args.get()) == 1) ? "" : "s", oparg);
          ok = false;
          break;
        }
        Object* v = getattr_opt(ts, subject, static_cast<StrObject*>(name));
        if (!v) {
          if (exc_occurred(ts))
            ok = false;
          else
            matched = false;
        } else {
          attrs->items[i] = v;
        }
      }
      for (ssize k = 0; ok && matched && k < nkw; ++k) {
        Object* v = getattr_opt(ts, subject, static_cast<StrObject*>(tuple_item(kwn, k)));
        if (!v) {
          if (exc_occurred(ts))
            ok = false;
          else
            matched = false;
        } else {
          attrs->items[oparg + k] = v;
        }
      }
      if (!ok) {
        fast_xdecref(attrs);
        fast_decref(kwn);
        fast_decref(cls);
        goto error;
      }
      if (matched) {
        res = attrs;
      } else {
        fast_decref(attrs);
      }
    }
    fast_decref(kwn);
    fast_decref(cls);
    fast_decref(subject);
    SET_TOP(res ? res : new_none());
    DISPATCH();
  }

  TARGET(COPY_DICT_WITHOUT_KEYS) {
    // [subject, keys] -> [subject, rest_dict]
    Object* keys = TOP();
    Object* subject = SECOND();
    DictObject* d = dict_new(ts);
    if (!d || !dict_update(ts, d, subject)) {
      fast_xdecref(d);
      goto error;
    }
    for (ssize i = 0; i < tuple_size(keys); ++i) {
      if (dict_del(ts, d, tuple_item(keys, i)) < 0) {
        fast_decref(d);
        goto error;
      }
    }
    fast_decref(keys);
    SET_TOP(d);
    DISPATCH();
  }

#if GILPY_SWITCH_DISPATCH
  default:
    raise(ts, &exc::SystemError, "unknown opcode %u", word & 0xff);
    goto error;
}
#endif

error : if (!ts->exc) raise(ts, &exc::SystemError, "error return without exception set");
chain_context(ts, ts->exc, false);
traceback_add(ts, frame);

exception_unwind : kwnames = nullptr;
while (frame->nblocks > 0) {
  Block b = frame->blocks[--frame->nblocks];
  Object** level = frame->stack_base() + b.level;
  while (sp > level) {
    Object* v = POP();
    fast_xdecref(v);
  }
  PUSH(fetch_exc(ts));
  JUMPTO(b.handler);
  DISPATCH();
}
{
  Object** base = frame->stack_base();
  while (sp > base) {
    Object* v = POP();
    fast_xdecref(v);
  }
  frame->sp = sp;
  if (frame->exc_linked) {
    unlink_exc_node(ts, frame);
    frame->exc_linked = false;
    clearref(frame->exc_node.exc);
  }
  if (frame->is_entry) {
    result = nullptr;
    frame->nblocks = -1;
    goto exit_eval;
  }
  Frame* caller = frame->back;
  frame_clear(frame);
  frame_stack_free(ts, frame);
  --ts->recursion_depth;
  frame = caller;
  ts->frame = caller;
  LOAD_FRAME_STATE();
  goto error;
}

exit_eval : ts->frame = entry->back;
--ts->recursion_depth;
return result;
#undef co
#undef fast
#undef consts
#if !GILPY_SWITCH_DISPATCH
#undef oparg
#endif
}

// ---- entry points -------------------------------------------------------------------------------

Object* function_call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  auto* fn = static_cast<FunctionObject*>(callable);
  CodeObject* co = fn->code;
  if (co->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator))
    return generator_from_call(ts, fn, args, nargs, kwnames);
  Frame* f = frame_stack_alloc(ts, co);
  if (!f) return nullptr;
  frame_init(f, co, fn, fn->globals, fn->builtins, nullptr, FrameKind::Stack);
  if (!bind_arguments(ts, fn, f, args, nargs, kwnames) ||
      ((co->ncells || co->nfrees) && !init_cells_and_frees(ts, fn, f))) {
    frame_clear(f);
    frame_stack_free(ts, f);
    return nullptr;
  }
  Object* r = eval_frame(ts, f, false);
  frame_clear(f);
  frame_stack_free(ts, f);
  return r;
}

// Runs a function's code with an explicit locals mapping (class bodies).
Object* vm_run_with_locals(ThreadState* ts, FunctionObject* fn, Object* locals) {
  CodeObject* co = fn->code;
  Frame* f = frame_stack_alloc(ts, co);
  if (!f) return nullptr;
  frame_init(f, co, fn, fn->globals, fn->builtins, locals, FrameKind::Stack);
  if ((co->ncells || co->nfrees) && !init_cells_and_frees(ts, fn, f)) {
    frame_clear(f);
    frame_stack_free(ts, f);
    return nullptr;
  }
  Object* r = eval_frame(ts, f, false);
  frame_clear(f);
  frame_stack_free(ts, f);
  return r;
}

Object* eval_code(ThreadState* ts, Object* code, DictObject* globals, Object* locals) {
  if (!is_code(code)) return raise(ts, &exc::TypeError, "expected a code object");
  auto* co = static_cast<CodeObject*>(code);
  if (!dict_get_str(ts, globals, names.__builtins__)) {
    if (!dict_set(ts, globals, names.__builtins__, ts->interp->builtins_module)) return nullptr;
  }
  if (!locals) locals = globals;
  Frame* f = frame_stack_alloc(ts, co);
  if (!f) return nullptr;
  frame_init(f, co, nullptr, globals, builtins_for(ts, globals), locals, FrameKind::Stack);
  if (co->ncells || co->nfrees) {
    if (!init_cells_and_frees(ts, nullptr, f)) {
      frame_clear(f);
      frame_stack_free(ts, f);
      return nullptr;
    }
  }
  Object* r = eval_frame(ts, f, false);
  frame_clear(f);
  frame_stack_free(ts, f);
  return r;
}

bool vm_super_args(ThreadState* ts, TypeObject** type, Object** obj) {
  Frame* f = ts->frame;
  if (!f) {
    raise(ts, &exc::RuntimeError, "super(): no current frame");
    return false;
  }
  CodeObject* co = f->code;
  if (co->argcount == 0 && !(co->flags & kCoVarargs)) {
    raise(ts, &exc::RuntimeError, "super(): no arguments");
    return false;
  }
  Object* first = f->localsplus[0];
  if (co->cell2arg) {
    for (int i = 0; i < co->ncells; ++i) {
      if (co->cell2arg[i] == 0) {
        Object* c = f->localsplus[co->nlocals + i];
        first = c ? static_cast<CellObject*>(c)->ref : nullptr;
      }
    }
  }
  if (co->argcount == 0 && first && is_tuple(first)) {
    first = tuple_size(first) ? tuple_item(first, 0) : nullptr;
  }
  if (!first) {
    raise(ts, &exc::RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  for (int i = 0; i < co->nfrees; ++i) {
    if (str_eq(tuple_item(co->freevars, i), "__class__")) {
      Object* c = f->localsplus[co->nlocals + co->ncells + i];
      Object* cls = c ? static_cast<CellObject*>(c)->ref : nullptr;
      if (!cls) {
        raise(ts, &exc::RuntimeError, "super(): empty __class__ cell");
        return false;
      }
      if (!is_type(cls)) {
        raise(ts, &exc::RuntimeError, "super(): __class__ is not a type (%s)", type_name(cls));
        return false;
      }
      *type = static_cast<TypeObject*>(cls);
      *obj = first;
      return true;
    }
  }
  raise(ts, &exc::RuntimeError, "super(): __class__ cell not found");
  return false;
}

}  // namespace gp
