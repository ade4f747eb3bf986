#include "interp/generator.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "interp/vm.h"

namespace gp {

Object* eval_frame(ThreadState* ts, Frame* f, bool throwing);

namespace {

StrObject* intern_throw(ThreadState* ts) {
  StrObject* s = intern(ts, "throw");
  if (s) decref(s);  // interned strings live as long as the interpreter
  return s;
}

inline bool frame_finished(Frame* f) { return f->nblocks < 0; }

void gen_free_frame(GeneratorObject* g) {
  Frame* f = g->frame;
  if (!f) return;
  g->frame = nullptr;
  frame_clear(f);
  std::free(f);
}

void set_stop_iteration(ThreadState* ts, Object* value);
Object* gen_close_impl(ThreadState* ts, GeneratorObject* g);
Object* gen_yf(GeneratorObject* g);
Object* gen_repr(ThreadState* ts, Object* o);

void gen_dealloc(Object* o) {
  auto* g = static_cast<GeneratorObject*>(o);
  // A suspended generator with active try/with blocks is closed so its finally blocks run.
  if (g->frame && g->started && !g->running && g->interp && g->interp->current &&
      (g->frame->nblocks > 0 || gen_yf(g))) {
    ThreadState* ts = g->interp->current;
    o->refcnt = 1;
    Object* saved = fetch_exc(ts);
    Object* r = gen_close_impl(ts, g);
    if (r) {
      decref(r);
    } else {
      Object* e = fetch_exc(ts);
      if (e) {
        std::string where;
        Ref<> rp = Ref<>::steal(gen_repr(ts, o));
        std::fprintf(stderr, "Exception ignored in: %s\n", rp ? str_cstr(rp.get()) : "generator");
        print_exception(ts, e);
        decref(e);
      }
      clear_exc(ts);
    }
    if (saved) restore_exc(ts, saved);
    if (--o->refcnt != 0) return;  // resurrected
  }
  gc_untrack(o);
  gen_free_frame(g);
  xdecref(g->code);
  xdecref(g->name);
  xdecref(g->qualname);
  free_object(o);
}

int gen_traverse(Object* o, visitproc visit, void* arg) {
  auto* g = static_cast<GeneratorObject*>(o);
  Frame* f = g->frame;
  if (!f) return 0;
  Object* fields[] = {reinterpret_cast<Object*>(f->func), f->owns_env ? f->globals : nullptr,
                      f->locals};
  for (Object* x : fields)
    if (x)
      if (int r = visit(x, arg)) return r;
  Object** end = g->running ? f->stack_base() : f->sp;
  for (Object** p = f->localsplus; p < end; ++p)
    if (*p)
      if (int r = visit(*p, arg)) return r;
  if (f->exc_node.exc)
    if (int r = visit(f->exc_node.exc, arg)) return r;
  return 0;
}

void gen_clear(Object* o) {
  auto* g = static_cast<GeneratorObject*>(o);
  if (!g->running) gen_free_frame(g);
}

Object* gen_repr(ThreadState* ts, Object* o) {
  auto* g = static_cast<GeneratorObject*>(o);
  const char* kind = (g->code->flags & kCoCoroutine)        ? "coroutine"
                     : (g->code->flags & kCoAsyncGenerator) ? "async_generator"
                                                            : "generator";
  return str_format(ts, "<%s object %s at %p>", kind, str_cstr(g->qualname), static_cast<void*>(o));
}

// Raises StopIteration(value) (no args for None).
void set_stop_iteration(ThreadState* ts, Object* value) {
  if (!value || is_none(value)) {
    raise_with(ts, &exc::StopIteration, nullptr);
    return;
  }
  Object* e = exception_new(ts, &exc::StopIteration, &value, 1);
  if (!e) return;
  restore_exc(ts, e);
}

Object* gen_iternext(ThreadState* ts, Object* o) {
  Object* r = nullptr;
  GenStatus st = gen_send_ex(ts, static_cast<GeneratorObject*>(o), none(), nullptr, &r);
  if (st == GenStatus::Yielded) return r;
  if (st == GenStatus::Returned) {
    // Like CPython: a non-None return value travels in StopIteration (iterator consumers clear
    // it; next() shows it).
    if (r && !is_none(r)) set_stop_iteration(ts, r);
    xdecref(r);
  }
  return nullptr;
}

Object* gen_send(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (!no_kwargs(ts, "send", kwnames) || !check_nargs(ts, "send", nargs, 1, 1)) return nullptr;
  Object* r = nullptr;
  GenStatus st = gen_send_ex(ts, static_cast<GeneratorObject*>(self), args[0], nullptr, &r);
  if (st == GenStatus::Yielded) return r;
  if (st == GenStatus::Returned) {
    set_stop_iteration(ts, r);
    xdecref(r);
  }
  return nullptr;
}

// The instruction the generator is suspended at delegates to a sub-iterator (yield from).
Object* gen_yf(GeneratorObject* g) {
  Frame* f = g->frame;
  if (!f || !g->started || frame_finished(f)) return nullptr;
  const Instr* pc = f->pc;
  if (pc - f->code->code < 1) return nullptr;
  Instr prev = pc[-1];
  if (instr_op(prev) != Op::YIELD_VALUE || instr_arg(prev) != 1) return nullptr;
  return f->sp[-1];
}

Object* gen_throw_method(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  if (!no_kwargs(ts, "throw", kwnames) || !check_nargs(ts, "throw", nargs, 1, 3)) return nullptr;
  return gen_throw_obj(ts, static_cast<GeneratorObject*>(self), args[0],
                       nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
}

Object* gen_close_impl(ThreadState* ts, GeneratorObject* g) {
  if (!g->frame) return new_none();
  if (!g->started) {
    gen_free_frame(g);
    return new_none();
  }
  Object* yf = gen_yf(g);
  if (yf) {
    Object* r;
    if (is_generator(yf)) {
      r = gen_close_impl(ts, static_cast<GeneratorObject*>(yf));
    } else {
      Ref<> m = Ref<>::steal(getattr_opt(ts, yf, names.close));
      r = m ? call0(ts, m.get()) : (exc_occurred(ts) ? nullptr : new_none());
    }
    if (!r) {
      // The error replaces GeneratorExit: throw it into the frame.
      Object* e = fetch_exc(ts);
      Object* res = nullptr;
      GenStatus st = gen_send_ex(ts, g, nullptr, e, &res);
      if (st == GenStatus::Yielded) {
        decref(res);
        return raise(ts, &exc::RuntimeError, "generator ignored GeneratorExit");
      }
      if (st == GenStatus::Returned) {
        xdecref(res);
        return new_none();
      }
      return nullptr;
    }
    decref(r);
  }
  Object* ge = exception_new(ts, &exc::GeneratorExit, nullptr, 0);
  if (!ge) return nullptr;
  Object* res = nullptr;
  GenStatus st = gen_send_ex(ts, g, nullptr, ge, &res);
  if (st == GenStatus::Yielded) {
    decref(res);
    return raise(ts, &exc::RuntimeError, "generator ignored GeneratorExit");
  }
  if (st == GenStatus::Returned) {
    xdecref(res);
    return new_none();
  }
  if (exc_matches(ts, &exc::GeneratorExit) || exc_matches(ts, &exc::StopIteration)) {
    clear_exc(ts);
    return new_none();
  }
  return nullptr;
}

Object* gen_close(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                  TupleObject* kwnames) {
  if (!check_nargs(ts, "close", nargs, 0, 0)) return nullptr;
  return gen_close_impl(ts, static_cast<GeneratorObject*>(self));
}

const MethodDef kGenMethods[] = {
    {"send", gen_send, 0, nullptr},
    {"throw", gen_throw_method, 0, nullptr},
    {"close", gen_close, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* g_or_none(Object* o) { return newref(o ? o : none()); }

const GetSetDef kGenGetSets[] = {
    {"gi_running",
     [](ThreadState*, Object* o) -> Object* {
       return bool_from(static_cast<GeneratorObject*>(o)->running);
     },
     nullptr},
    {"gi_suspended",
     [](ThreadState*, Object* o) -> Object* {
       auto* g = static_cast<GeneratorObject*>(o);
       return bool_from(g->frame && g->started && !g->running);
     },
     nullptr},
    {"gi_code",
     [](ThreadState*, Object* o) -> Object* {
       return newref(static_cast<Object*>(static_cast<GeneratorObject*>(o)->code));
     },
     nullptr},
    {"gi_frame",
     [](ThreadState* ts, Object* o) -> Object* {
       auto* g = static_cast<GeneratorObject*>(o);
       if (!g->frame) return new_none();
       Frame* saved_back = g->frame->back;
       if (!g->running) g->frame->back = nullptr;
       Object* r = frame_object(ts, g->frame);
       g->frame->back = saved_back;
       return r;
     },
     nullptr},
    {"gi_yieldfrom",
     [](ThreadState*, Object* o) -> Object* {
       return g_or_none(gen_yf(static_cast<GeneratorObject*>(o)));
     },
     nullptr},
    {"__name__",
     [](ThreadState*, Object* o) -> Object* {
       return newref(static_cast<Object*>(static_cast<GeneratorObject*>(o)->name));
     },
     nullptr},
    {"__qualname__",
     [](ThreadState*, Object* o) -> Object* {
       return newref(static_cast<Object*>(static_cast<GeneratorObject*>(o)->qualname));
     },
     nullptr},
    {nullptr, nullptr, nullptr},
};

Object* gen_iter(ThreadState*, Object* o) { return newref(o); }

}  // namespace

TypeObject GeneratorType =
    vm_static_type("generator", sizeof(GeneratorObject), kHaveGC, [](TypeObject& t) {
      t.dealloc = gen_dealloc;
      t.traverse = gen_traverse;
      t.clear = gen_clear;
      t.repr = gen_repr;
      t.iter = gen_iter;
      t.iternext = gen_iternext;
      t.methods = kGenMethods;
      t.getsets = kGenGetSets;
    });

Object* generator_from_call(ThreadState* ts, FunctionObject* fn, Object* const* args, size_t nargs,
                            TupleObject* kwnames) {
  CodeObject* co = fn->code;
  auto* f = static_cast<Frame*>(std::malloc(frame_size(co)));
  if (!f) return raise(ts, &exc::MemoryError, "%s", "");
  frame_init(f, co, fn, fn->globals, fn->builtins, nullptr, FrameKind::Heap);
  if (!bind_arguments(ts, fn, f, args, nargs, kwnames) ||
      ((co->ncells || co->nfrees) && !init_cells_and_frees(ts, fn, f))) {
    frame_clear(f);
    std::free(f);
    return nullptr;
  }
  auto* g = alloc<GeneratorObject>(ts, &GeneratorType);
  if (!g) {
    frame_clear(f);
    std::free(f);
    return nullptr;
  }
  g->frame = f;
  f->gen = g;
  g->code = newref(co);
  g->name = newref(fn->name);
  g->qualname = newref(fn->qualname);
  g->interp = ts->interp;
  return g;
}

GenStatus gen_send_ex(ThreadState* ts, GeneratorObject* g, Object* value, Object* exc,
                      Object** result) {
  *result = nullptr;
  if (g->running) {
    xdecref(exc);
    raise(ts, &exc::ValueError, "generator already executing");
    return GenStatus::Error;
  }
  Frame* f = g->frame;
  if (!f) {
    if (exc) {
      restore_exc(ts, exc);
      return GenStatus::Error;
    }
    *result = new_none();
    return GenStatus::Returned;
  }
  bool pushed = false;
  if (!g->started) {
    if (!exc && value && !is_none(value)) {
      raise(ts, &exc::TypeError, "can't send non-None value to a just-started generator");
      return GenStatus::Error;
    }
  } else if (!exc) {
    *f->sp++ = newref(value ? value : none());
    pushed = true;
  }
  if (exc) restore_exc(ts, exc);
  g->running = true;
  g->started = true;
  Object* r = eval_frame(ts, f, exc != nullptr);
  g->running = false;
  if (!frame_finished(f)) {
    if (r) {
      *result = r;
      return GenStatus::Yielded;
    }
    // Not entered (recursion limit).
    if (pushed) decref(*--f->sp);
    return GenStatus::Error;
  }
  gen_free_frame(g);
  if (r) {
    *result = r;
    return GenStatus::Returned;
  }
  if (exc_matches(ts, &exc::StopIteration)) {
    Object* si = fetch_exc(ts);
    raise(ts, &exc::RuntimeError, "generator raised StopIteration");
    if (ts->exc) {
      auto* e = static_cast<BaseExceptionObject*>(ts->exc);
      setref(e->cause, newref(si));
      setref(e->context, si);
      e->suppress_context = true;
    } else {
      decref(si);
    }
  }
  return GenStatus::Error;
}

Object* gen_throw_obj(ThreadState* ts, GeneratorObject* g, Object* typ, Object* val, Object* tb) {
  // Normalise to an exception instance.
  Ref<> e;
  if (is_exception_type(typ)) {
    if (val && !is_none(val)) {
      if (is_exception(val) && isinstance_of(val, static_cast<TypeObject*>(typ))) {
        e = Ref<>::borrow(val);
      } else {
        e = Ref<>::steal(is_tuple(val)
                             ? call_tuple_dict(ts, typ, static_cast<TupleObject*>(val), nullptr)
                             : call1(ts, typ, val));
        if (!e) return nullptr;
      }
    } else {
      e = Ref<>::steal(call0(ts, typ));
      if (!e) return nullptr;
    }
  } else if (is_exception(typ)) {
    if (val && !is_none(val))
      return raise(ts, &exc::TypeError, "instance exception may not have a separate value");
    e = Ref<>::borrow(typ);
  } else {
    return raise(ts, &exc::TypeError,
                 "exceptions must be classes or instances deriving from BaseException, not %s",
                 type_name(typ));
  }
  if (tb && !is_none(tb)) setref(static_cast<BaseExceptionObject*>(e.get())->traceback, newref(tb));

  Object* yf = gen_yf(g);
  if (yf) {
    if (isinstance_of(e.get(), &exc::GeneratorExit)) {
      // Close the delegate first, then raise GeneratorExit in this frame.
      Object* r;
      if (is_generator(yf)) {
        r = gen_close_impl(ts, static_cast<GeneratorObject*>(yf));
      } else {
        Ref<> m = Ref<>::steal(getattr_opt(ts, yf, names.close));
        r = m ? call0(ts, m.get()) : (exc_occurred(ts) ? nullptr : new_none());
      }
      if (!r) {
        Object* err = fetch_exc(ts);
        e = Ref<>::steal(err);
      } else {
        decref(r);
      }
    } else {
      Object* r = nullptr;
      bool delegated = true;
      incref(yf);
      if (is_generator(yf)) {
        g->running = true;
        r = gen_throw_obj(ts, static_cast<GeneratorObject*>(yf), e.get(), nullptr, nullptr);
        g->running = false;
      } else {
        Ref<> m = Ref<>::steal(getattr_opt(ts, yf, intern_throw(ts)));
        if (!m) {
          delegated = false;
          if (exc_occurred(ts)) {
            decref(yf);
            return nullptr;
          }
        } else {
          g->running = true;
          r = call1(ts, m.get(), e.get());
          g->running = false;
        }
      }
      decref(yf);
      if (delegated) {
        if (r) return r;  // the delegate yielded: we stay suspended in it
        // The delegate finished (StopIteration -> the value of `yield from`) or raised.
        Frame* f = g->frame;
        if (exc_matches(ts, &exc::StopIteration)) {
          Object* si = fetch_exc(ts);
          Object* v = static_cast<StopIterationObject*>(si)->value;
          Object* val = newref(v ? v : none());
          decref(si);
          // Leave the yield-from loop: drop the delegate, continue after SEND with the value.
          Instr send = f->pc[-2];
          Object* sub = *--f->sp;
          decref(sub);
          f->pc = f->code->code + instr_arg(send);
          Object* res = nullptr;
          // Resume pushes the value where SEND would have pushed its result.
          GenStatus st = gen_send_ex(ts, g, val, nullptr, &res);
          decref(val);
          if (st == GenStatus::Yielded) return res;
          if (st == GenStatus::Returned) {
            set_stop_iteration(ts, res);
            xdecref(res);
          }
          return nullptr;
        }
        e = Ref<>::steal(fetch_exc(ts));
      }
    }
  }
  Object* res = nullptr;
  GenStatus st = gen_send_ex(ts, g, nullptr, e.release(), &res);
  if (st == GenStatus::Yielded) return res;
  if (st == GenStatus::Returned) {
    set_stop_iteration(ts, res);
    xdecref(res);
  }
  return nullptr;
}

}  // namespace gp
