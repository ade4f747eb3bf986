// The singletons None, NotImplemented and Ellipsis (static and immortal).
#pragma once

#include "runtime/object.h"

namespace gp {

extern TypeObject NoneType;
extern TypeObject NotImplementedType;
extern TypeObject EllipsisType;
extern Object NoneObject;
extern Object NotImplementedObject;
extern Object EllipsisObject;

inline Object* none() { return &NoneObject; }      // borrowed (immortal)
inline Object* new_none() { return &NoneObject; }  // "new reference": immortal, no count to take
inline Object* not_implemented() { return &NotImplementedObject; }  // same: immortal
inline bool is_none(const Object* o) { return o == &NoneObject; }

}  // namespace gp
