// The one opcode table of gilpy, read by the compiler (stack depth), the VM (dispatch tables) and
// dis (names, argument kinds).
//
// Encoding: one 32-bit word per instruction, opcode in the low 8 bits and the argument in the high
// 24 bits (no EXTENDED_ARG). Jump arguments are absolute instruction indexes. dis shows offsets
// as index * 2 so listings look like CPython's.
//
// Stack layout conventions (close to CPython 3.11/3.13):
//  - calls: [callable, self_or_null, arg0 ... argN-1] CALL N; KW_NAMES c (a tuple constant)
//    right before CALL names the last len(c) arguments. LOAD_METHOD pushes [meth, self] or
//    [attr, NULL]; plain calls push the callable then PUSH_NULL.
//  - exception handling uses a per-frame block stack: SETUP_FINALLY pushes (handler, depth),
//    POP_BLOCK pops it; on an exception the VM pops the top block, drops the value stack to its
//    depth, pushes the exception and jumps to the handler. Handlers run PUSH_EXC_INFO ... and
//    POP_EXCEPT as in 3.11.
#pragma once

#include <cstdint>

namespace gp {

enum class ArgKind : uint8_t {
  None,    // no argument
  Int,     // a count or plain number
  Const,   // index into co_consts
  Name,    // index into co_names
  Local,   // index into co_varnames
  Free,    // index into cellvars + freevars
  Jump,    // absolute instruction index
  Cmp,     // CmpOp
  BinOp,   // gp::BinOp, + kInplaceFlag for augmented assignment
  Global,  // LOAD_GLOBAL: index into co_names (the cache slot is per instruction)
};

// kVarEffect: the stack effect depends on the argument (see stack_effect in compiler.cpp).
inline constexpr int kVarEffect = 1000;

// OP(NAME, stack effect, argument kind)
#define GP_OPCODES(OP)                       \
  OP(NOP, 0, None)                           \
  OP(POP_TOP, -1, None)                      \
  OP(PUSH_NULL, 1, None)                     \
  OP(COPY, 1, Int)                           \
  OP(SWAP, 0, Int)                           \
  OP(LOAD_CONST, 1, Const)                   \
  OP(LOAD_FAST, 1, Local)                    \
  OP(STORE_FAST, -1, Local)                  \
  OP(DELETE_FAST, 0, Local)                  \
  OP(LOAD_NAME, 1, Name)                     \
  OP(STORE_NAME, -1, Name)                   \
  OP(DELETE_NAME, 0, Name)                   \
  OP(LOAD_GLOBAL, 1, Global)                 \
  OP(STORE_GLOBAL, -1, Name)                 \
  OP(DELETE_GLOBAL, 0, Name)                 \
  OP(LOAD_DEREF, 1, Free)                    \
  OP(LOAD_CLASSDEREF, 1, Free)               \
  OP(STORE_DEREF, -1, Free)                  \
  OP(DELETE_DEREF, 0, Free)                  \
  OP(LOAD_CLOSURE, 1, Free)                  \
  OP(LOAD_ATTR, 0, Name)                     \
  OP(LOAD_METHOD, 1, Name)                   \
  OP(STORE_ATTR, -2, Name)                   \
  OP(DELETE_ATTR, -1, Name)                  \
  OP(BINARY_OP, -1, BinOp)                   \
  OP(COMPARE_OP, -1, Cmp)                    \
  OP(IS_OP, -1, Int)                         \
  OP(CONTAINS_OP, -1, Int)                   \
  OP(UNARY_NEGATIVE, 0, None)                \
  OP(UNARY_POSITIVE, 0, None)                \
  OP(UNARY_INVERT, 0, None)                  \
  OP(UNARY_NOT, 0, None)                     \
  OP(BINARY_SUBSCR, -1, None)                \
  OP(STORE_SUBSCR, -3, None)                 \
  OP(DELETE_SUBSCR, -2, None)                \
  OP(BUILD_SLICE, kVarEffect, Int)           \
  OP(BUILD_TUPLE, kVarEffect, Int)           \
  OP(BUILD_LIST, kVarEffect, Int)            \
  OP(BUILD_SET, kVarEffect, Int)             \
  OP(BUILD_MAP, kVarEffect, Int)             \
  OP(BUILD_CONST_KEY_MAP, kVarEffect, Int)   \
  OP(BUILD_STRING, kVarEffect, Int)          \
  OP(LIST_APPEND, -1, Int)                   \
  OP(SET_ADD, -1, Int)                       \
  OP(MAP_ADD, -2, Int)                       \
  OP(LIST_EXTEND, -1, Int)                   \
  OP(SET_UPDATE, -1, Int)                    \
  OP(DICT_UPDATE, -1, Int)                   \
  OP(DICT_MERGE, -1, Int)                    \
  OP(LIST_TO_TUPLE, 0, None)                 \
  OP(UNPACK_SEQUENCE, kVarEffect, Int)       \
  OP(UNPACK_EX, kVarEffect, Int)             \
  OP(GET_ITER, 0, None)                      \
  OP(FOR_ITER, kVarEffect, Jump)             \
  OP(JUMP_FORWARD, 0, Jump)                  \
  OP(JUMP_BACKWARD, 0, Jump)                 \
  OP(JUMP_BACKWARD_NO_INTERRUPT, 0, Jump)    \
  OP(POP_JUMP_IF_FALSE, -1, Jump)            \
  OP(POP_JUMP_IF_TRUE, -1, Jump)             \
  OP(POP_JUMP_IF_NONE, -1, Jump)             \
  OP(POP_JUMP_IF_NOT_NONE, -1, Jump)         \
  OP(JUMP_IF_FALSE_OR_POP, kVarEffect, Jump) \
  OP(JUMP_IF_TRUE_OR_POP, kVarEffect, Jump)  \
  OP(RETURN_VALUE, -1, None)                 \
  OP(YIELD_VALUE, 0, Int)                    \
  OP(GET_YIELD_FROM_ITER, 0, None)           \
  OP(GET_AWAITABLE, 0, None)                 \
  OP(SEND, kVarEffect, Jump)                 \
  OP(RAISE_VARARGS, kVarEffect, Int)         \
  OP(RERAISE, -1, None)                      \
  OP(SETUP_FINALLY, kVarEffect, Jump)        \
  OP(POP_BLOCK, 0, None)                     \
  OP(PUSH_EXC_INFO, 1, None)                 \
  OP(POP_EXCEPT, -1, None)                   \
  OP(CHECK_EXC_MATCH, 0, None)               \
  OP(BEFORE_WITH, 1, Jump)                   \
  OP(WITH_EXCEPT_START, 1, None)             \
  OP(LOAD_ASSERTION_ERROR, 1, None)          \
  OP(LOAD_BUILD_CLASS, 1, None)              \
  OP(MAKE_FUNCTION, kVarEffect, Int)         \
  OP(CALL, kVarEffect, Int)                  \
  OP(KW_NAMES, 0, Const)                     \
  OP(CALL_FUNCTION_EX, kVarEffect, Int)      \
  OP(FORMAT_VALUE, kVarEffect, Int)          \
  OP(IMPORT_NAME, -1, Name)                  \
  OP(IMPORT_FROM, 1, Name)                   \
  OP(IMPORT_STAR, -1, None)                  \
  OP(SETUP_ANNOTATIONS, 0, None)             \
  OP(PRINT_EXPR, -1, None)                   \
  OP(GET_LEN, 1, None)                       \
  OP(MATCH_MAPPING, 1, None)                 \
  OP(MATCH_SEQUENCE, 1, None)                \
  OP(MATCH_KEYS, 1, None)                    \
  OP(MATCH_CLASS, -2, Int)                   \
  OP(COPY_DICT_WITHOUT_KEYS, 0, None)

enum class Op : uint8_t {
#define GP_OP_ENUM(name, effect, kind) name,
  GP_OPCODES(GP_OP_ENUM)
#undef GP_OP_ENUM
      kCount
};
inline constexpr int kNumOpcodes = static_cast<int>(Op::kCount);

inline constexpr const char* kOpNames[] = {
#define GP_OP_NAME(name, effect, kind) #name,
    GP_OPCODES(GP_OP_NAME)
#undef GP_OP_NAME
};
inline constexpr int kOpFixedEffect[] = {
#define GP_OP_EFFECT(name, effect, kind) effect,
    GP_OPCODES(GP_OP_EFFECT)
#undef GP_OP_EFFECT
};
inline constexpr ArgKind kOpArgKind[] = {
#define GP_OP_KIND(name, effect, kind) ArgKind::kind,
    GP_OPCODES(GP_OP_KIND)
#undef GP_OP_KIND
};

using Instr = uint32_t;
inline constexpr int kArgBits = 24;
inline constexpr uint32_t kMaxArg = (1u << kArgBits) - 1;
inline constexpr Instr make_instr(Op op, uint32_t arg) {
  return static_cast<uint32_t>(op) | (arg << 8);
}
inline constexpr Op instr_op(Instr i) { return static_cast<Op>(i & 0xff); }
inline constexpr uint32_t instr_arg(Instr i) { return i >> 8; }

// BINARY_OP argument: the BinOp, plus this flag for the in-place form (`+=`).
inline constexpr uint32_t kInplaceFlag = 0x10;
// MAKE_FUNCTION flags.
inline constexpr uint32_t kFnDefaults = 1, kFnKwDefaults = 2, kFnAnnotations = 4, kFnClosure = 8;
// FORMAT_VALUE: conversion in the low 2 bits (0 none, 1 str, 2 repr, 3 ascii), 4 = has spec.
inline constexpr uint32_t kFmtHaveSpec = 4;
// CALL_FUNCTION_EX flag: a kwargs dict is on the stack.
inline constexpr uint32_t kCallExKwargs = 1;

}  // namespace gp
