// Operations on any object, dispatching through type slots with CPython's rules and messages
// (runtime/abstract.cpp). The VM and every builtin go through these.
#pragma once

#include <initializer_list>
#include <string>

#include "runtime/object.h"

namespace gp {

Object* repr(ThreadState* ts, Object* o);  // str object
Object* str(ThreadState* ts, Object* o);   // str object
Object* ascii(ThreadState* ts, Object* o);
// repr/str as std::string (UTF-8); false on error.
bool repr_text(ThreadState* ts, Object* o, std::string* out);
bool str_text(ThreadState* ts, Object* o, std::string* out);
int64_t hash(ThreadState* ts, Object* o);  // -1 on error; TypeError "unhashable type: 'list'"
Object* richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op);
// 1 / 0 / -1 (error); `is` implies equal for EQ and not-equal for NE, as CPython's containers do.
int richcompare_bool(ThreadState* ts, Object* a, Object* b, CmpOp op);
int truthy(ThreadState* ts, Object* o);  // 1 / 0 / -1

Object* getattr(ThreadState* ts, Object* o, StrObject* name);
Object* getattr_cstr(ThreadState* ts, Object* o, const char* name);
// Like getattr but returns nullptr with NO exception when the attribute is missing
// (AttributeError swallowed); other errors stay set.
Object* getattr_opt(ThreadState* ts, Object* o, StrObject* name);
bool setattr(ThreadState* ts, Object* o, StrObject* name, Object* value);  // value null: delete
bool setattr_cstr(ThreadState* ts, Object* o, const char* name, Object* value);
// The generic attribute protocol (object.__getattribute__ / __setattr__): data descriptors on
// the type, the instance __dict__, then other descriptors / class attributes.
Object* generic_getattr(ThreadState* ts, Object* o, StrObject* name);
bool generic_setattr(ThreadState* ts, Object* o, StrObject* name, Object* value);
// Finds name along type's MRO without descriptors applied; borrowed or nullptr (never raises).
Object* type_lookup(TypeObject* type, StrObject* name);
// Address of the instance __dict__ slot, or nullptr when the type has none.
Object** instance_dict_slot(Object* o);

Object* call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs,
             TupleObject* kwnames = nullptr);
Object* call0(ThreadState* ts, Object* callable);
Object* call1(ThreadState* ts, Object* callable, Object* a);
Object* call2(ThreadState* ts, Object* callable, Object* a, Object* b);
// callable(*args_tuple, **kwargs_dict); kwargs may be nullptr.
Object* call_tuple_dict(ThreadState* ts, Object* callable, TupleObject* args, DictObject* kwargs);
// obj.name(*args)
Object* call_method(ThreadState* ts, Object* obj, const char* name,
                    std::initializer_list<Object*> args = {});
bool is_callable(Object* o);

Object* getitem(ThreadState* ts, Object* o, Object* key);
bool setitem(ThreadState* ts, Object* o, Object* key, Object* value);
bool delitem(ThreadState* ts, Object* o, Object* key);
int contains(ThreadState* ts, Object* container, Object* item);  // `in`; 1 / 0 / -1
ssize length(ThreadState* ts, Object* o);                        // len(); -1 on error

Object* get_iter(ThreadState* ts, Object* o);
// Next item (new ref); nullptr without exception when exhausted (StopIteration is cleared).
Object* iter_next(ThreadState* ts, Object* it);

Object* binary_op(ThreadState* ts, Object* a, Object* b, BinOp op);
Object* inplace_op(ThreadState* ts, Object* a, Object* b, BinOp op);
Object* power(ThreadState* ts, Object* a, Object* b, Object* mod);  // pow(a, b, mod)
Object* negative(ThreadState* ts, Object* o);
Object* positive(ThreadState* ts, Object* o);
Object* invert(ThreadState* ts, Object* o);
Object* absolute(ThreadState* ts, Object* o);
const char* binop_symbol(BinOp op);  // "+", "**", ... for messages
// operator.index(o): an int (new ref) or TypeError "'float' object cannot be interpreted as an
// integer".
Object* number_index(ThreadState* ts, Object* o);
bool index_as_ssize(ThreadState* ts, Object* o, ssize* out);
Object* number_int(ThreadState* ts, Object* o);            // int(o)
Object* number_float(ThreadState* ts, Object* o);          // float(o)
Object* format(ThreadState* ts, Object* o, Object* spec);  // format(o, spec); spec may be null

bool isinstance(ThreadState* ts, Object* o, Object* cls);       // tuples and __instancecheck__
int isinstance_check(ThreadState* ts, Object* o, Object* cls);  // -1 on error
int issubclass_check(ThreadState* ts, Object* derived, Object* cls);
const char* type_name(const Object* o);  // o->type's __name__ for messages

}  // namespace gp
