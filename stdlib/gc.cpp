// The gc module: the cycle collector's controls (runtime/gc.cpp does the work).
#include "runtime/objmodel_internal.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

Object* gc_collect_fn(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  Object* a[1];
  if (!parse_args(ts, "collect", args, nargs, kwnames, {"generation"}, 0, a)) return nullptr;
  int64_t gen = 2;
  if (a[0]) {
    if (!is_int(a[0]) || !int_to_i64(a[0], &gen))
      return raise(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(a[0]));
    if (gen < 0 || gen > 2) return raise(ts, &exc::ValueError, "invalid generation");
  }
  return int_from(ts, gc_collect(ts, static_cast<int>(gen)));
}

Object* gc_enable(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "enable", nargs, 0, 0)) return nullptr;
  ts->interp->gc.enabled = true;
  return new_none();
}

Object* gc_disable(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "disable", nargs, 0, 0)) return nullptr;
  ts->interp->gc.enabled = false;
  return new_none();
}

Object* gc_isenabled(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "isenabled", nargs, 0, 0)) return nullptr;
  return bool_from(ts->interp->gc.enabled);
}

Object* gc_get_count(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "get_count", nargs, 0, 0)) return nullptr;
  GCState& gc = ts->interp->gc;
  Ref<> a = Ref<>::steal(int_from(ts, gc.allocations));
  Ref<> b = Ref<>::steal(int_from(ts, gc.young_collections));
  Ref<> c = Ref<>::steal(int_from(ts, 0));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

Object* gc_get_threshold(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "get_threshold", nargs, 0, 0)) return nullptr;
  GCState& gc = ts->interp->gc;
  Ref<> a = Ref<>::steal(int_from(ts, gc.threshold));
  Ref<> b = Ref<>::steal(int_from(ts, gc.threshold1));
  Ref<> c = Ref<>::steal(int_from(ts, gc.threshold2));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

Object* gc_set_threshold(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  if (!no_kwargs(ts, "set_threshold", kwnames) || !check_nargs(ts, "set_threshold", nargs, 1, 3))
    return nullptr;
  int64_t v[3] = {0, 0, 0};
  for (size_t i = 0; i < nargs; ++i)
    if (!is_int(args[i]) || !int_to_i64(args[i], &v[i]))
      return raise(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(args[i]));
  GCState& gc = ts->interp->gc;
  gc.threshold = v[0];
  if (nargs > 1) gc.threshold1 = v[1] > 0 ? v[1] : 1;
  if (nargs > 2) gc.threshold2 = v[2];
  return new_none();
}

Object* gc_get_objects(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  Object* a[1];
  if (!parse_args(ts, "get_objects", args, nargs, kwnames, {"generation"}, 0, a)) return nullptr;
  int64_t gen = -1;
  if (a[0] && !is_none(a[0])) {
    if (!is_int(a[0]) || !int_to_i64(a[0], &gen))
      return raise(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                   type_name(a[0]));
    if (gen >= 3)
      return raise(
          ts, &exc::ValueError,
          "generation parameter must be less than the number of available generations (3)");
    if (gen < 0) return raise(ts, &exc::ValueError, "generation parameter cannot be negative");
  }
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  GCState& gc = ts->interp->gc;
  std::vector<Object*> objs;
  if (gen == -1 || gen == 0)
    for (GCHead* g = gc.head.next; g != &gc.head; g = g->next) objs.push_back(gc_object(g));
  if (gen == -1 || gen == 2)
    for (GCHead* g = gc.old.next; g != &gc.old; g = g->next) objs.push_back(gc_object(g));
  for (Object* o : objs)
    if (o != l.get() && !list_append(ts, l.get(), o)) return nullptr;
  return l.release();
}

Object* gc_is_tracked(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "is_tracked", nargs, 1, 1)) return nullptr;
  return bool_from(gc_is_tracked(args[0]));
}

Object* gc_is_finalized(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "is_finalized", nargs, 1, 1)) return nullptr;
  Object* o = args[0];
  bool fin = !is_immortal(o) && (o->type->flags & kHaveGC) && (gc_head(o)->gc_refs & kGcFinalized);
  return bool_from(fin);
}

int collect_referent(Object* o, void* arg) {
  if (o) static_cast<std::vector<Object*>*>(arg)->push_back(o);
  return 0;
}

Object* gc_get_referents(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  if (!no_kwargs(ts, "get_referents", kwnames)) return nullptr;
  std::vector<Object*> out;
  for (size_t i = 0; i < nargs; ++i) {
    Object* o = args[i];
    if (!(o->type->flags & kHaveGC) || !o->type->traverse) continue;
    if (is_type(o) && !(static_cast<TypeObject*>(o)->flags & kHeapType)) continue;
    o->type->traverse(o, collect_referent, &out);
  }
  return list_from_array(ts, out.data(), static_cast<ssize>(out.size()));
}

int find_referrer(Object* o, void* arg) {
  auto* p = static_cast<std::pair<Object* const*, size_t>*>(arg);
  for (size_t i = 0; i < p->second; ++i)
    if (p->first[i] == o) return 1;
  return 0;
}

Object* gc_get_referrers(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  if (!no_kwargs(ts, "get_referrers", kwnames)) return nullptr;
  GCState& gc = ts->interp->gc;
  std::pair<Object* const*, size_t> targets(args, nargs);
  std::vector<Object*> out;
  for (GCHead* h : {&gc.head, &gc.old})
    for (GCHead* g = h->next; g != h; g = g->next) {
      Object* o = gc_object(g);
      if (o->type->traverse && o->type->traverse(o, find_referrer, &targets)) out.push_back(o);
    }
  return list_from_array(ts, out.data(), static_cast<ssize>(out.size()));
}

Object* gc_noop(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return new_none();
}

Object* gc_get_freeze_count(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return int_from(ts, 0);
}

Object* gc_get_stats(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "get_stats", nargs, 0, 0)) return nullptr;
  GCState& gc = ts->interp->gc;
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  for (int g = 0; g < 3; ++g) {
    Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
    if (!d) return nullptr;
    Ref<> c = Ref<>::steal(int_from(ts, g == 0 ? gc.collections : 0));
    Ref<> k = Ref<>::steal(int_from(ts, g == 0 ? gc.collected : 0));
    Ref<> u = Ref<>::steal(int_from(ts, 0));
    if (!c || !k || !u || !dict_set_cstr(ts, d.get(), "collections", c.get()) ||
        !dict_set_cstr(ts, d.get(), "collected", k.get()) ||
        !dict_set_cstr(ts, d.get(), "uncollectable", u.get()) || !list_append(ts, l.get(), d.get()))
      return nullptr;
  }
  return l.release();
}

const MethodDef gc_methods[] = {
    {"collect", gc_collect_fn, 0, "Run the garbage collector."},
    {"enable", gc_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, 0, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, 0, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, 0, "Set the collection thresholds."},
    {"get_objects", gc_get_objects, 0, "Return a list of objects tracked by the collector."},
    {"is_tracked", gc_is_tracked, 0, "Returns true if the object is tracked by the collector."},
    {"is_finalized", gc_is_finalized, 0, "Returns true if the object has been finalized."},
    {"get_referents", gc_get_referents, 0, "Return the list of objects directly referred to."},
    {"get_referrers", gc_get_referrers, 0, "Return the list of objects that refer to objs."},
    {"get_stats", gc_get_stats, 0, "Return a list of dictionaries with per-generation stats."},
    {"freeze", gc_noop, 0, "Freeze all current tracked objects."},
    {"unfreeze", gc_noop, 0, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, 0, "Return the number of frozen objects."},
    {"set_debug", gc_noop, 0, "Set the garbage collection debugging flags."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_gc(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, gc_methods)) return false;
  if (!module_add(ts, m, "garbage", list_new(ts))) return false;
  if (!module_add(ts, m, "callbacks", list_new(ts))) return false;
  const std::pair<const char*, int> flags[] = {{"DEBUG_STATS", 1},
                                               {"DEBUG_COLLECTABLE", 2},
                                               {"DEBUG_UNCOLLECTABLE", 4},
                                               {"DEBUG_SAVEALL", 32},
                                               {"DEBUG_LEAK", 38}};
  for (auto& f : flags)
    if (!module_add(ts, m, f.first, int_from(ts, f.second))) return false;
  return true;
}

}  // namespace gp
