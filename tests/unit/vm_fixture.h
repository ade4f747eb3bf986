// Shared fixture of the compiler and VM unit tests: a fresh interpreter per test and helpers that
// evaluate an expression or run statements and compare repr() text.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "interp/vm.h"
#include "runtime/runtime.h"

namespace gp {

class VmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Config config;
    config.install_signal_handlers = false;
    ts = create_interpreter(config);
    ASSERT_NE(ts, nullptr);
    globals = dict_new(ts);
    dict_set_cstr(ts, globals, "__name__", Ref<>::steal(str_from(ts, "__main__")).get());
  }
  void TearDown() override {
    if (ts->exc) clear_exc(ts);
    xdecref(globals);
    destroy_interpreter(ts);
  }

  // "!TypeName: message" for the exception being raised (cleared).
  std::string error_text() {
    Object* e = fetch_exc(ts);
    if (!e) return "!<no exception>";
    std::string msg;
    Object* s = str(ts, e);
    if (s) {
      msg = std::string(str_view(s));
      decref(s);
    } else {
      clear_exc(ts);
    }
    std::string r = "!" + std::string(e->type->name) + (msg.empty() ? "" : ": " + msg);
    decref(e);
    return r;
  }

  // repr(eval(expr)) in the test's globals, or the error text.
  std::string eval(const std::string& expr) {
    Ref<> code = Ref<>::steal(compile_source(ts, expr, "<test>", CompileMode::Eval));
    if (!code) return error_text();
    Ref<> r = Ref<>::steal(eval_code(ts, code.get(), globals, nullptr));
    if (!r) return error_text();
    std::string text;
    if (!repr_text(ts, r.get(), &text)) return error_text();
    return text;
  }

  // Runs statements in the test's globals; "" on success, else the error text.
  std::string exec(const std::string& src) {
    Ref<> code = Ref<>::steal(compile_source(ts, src, "<test>", CompileMode::Exec));
    if (!code) return error_text();
    Ref<> r = Ref<>::steal(eval_code(ts, code.get(), globals, nullptr));
    if (!r) return error_text();
    return "";
  }

  ThreadState* ts = nullptr;
  DictObject* globals = nullptr;
};

#define EXPECT_EVAL_EQ(expr, expected) EXPECT_EQ(eval(expr), expected) << "expr: " << (expr)
#define EXPECT_EXEC_OK(src) EXPECT_EQ(exec(src), "") << "src: " << (src)

}  // namespace gp
