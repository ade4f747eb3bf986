// type and object: static builtin types are made ready once per process by type_ready; classes
// made by `class` statements are heap types created by type_new, whose dunder methods fill the
// slots (a class defining __add__ gets an nb[Add] slot that calls it).
#pragma once

#include "runtime/object.h"

namespace gp {

extern TypeObject TypeType;    // type
extern TypeObject ObjectType;  // object
extern TypeObject SuperType;   // super

inline bool is_type(const Object* o) { return o->type->flags & kTypeSubclass; }

// Fills in a static type: inherits slots from its base, computes the MRO, creates the method and
// getset descriptors in its dict. Called once per process from runtime_init (objects created here
// are made immortal).
bool type_ready(ThreadState* ts, TypeObject* type);
// type(name, bases, dict) with metaclass `meta`: C3 MRO, slots from dunders, __init_subclass__.
Object* type_new(ThreadState* ts, TypeObject* meta, StrObject* name, TupleObject* bases,
                 DictObject* dict, TupleObject* kwnames_unused = nullptr);
// Re-derives the slot that a dunder name controls after `cls.__add__ = f` assignments.
void type_update_slot(ThreadState* ts, TypeObject* type, StrObject* name);
Object* type_name_obj(ThreadState* ts, TypeObject* type);  // __name__ as str (new ref)
Object* type_qualname(ThreadState* ts, TypeObject* type);
Object* type_module(ThreadState* ts, TypeObject* type);  // __module__ (new ref)
// C3 linearisation; raises TypeError "Cannot create a consistent method resolution order (MRO)..."
TupleObject* compute_mro(ThreadState* ts, TypeObject* type);
// object.__repr__: "<__main__.Node object at 0x7f...>"
Object* object_default_repr(ThreadState* ts, Object* o);

}  // namespace gp
