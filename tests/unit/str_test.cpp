// Units of the strings area: str (UTF-8 storage, repr, methods, formatting), the Unicode tables,
// codecs, bytes and bytearray. Expected values are what CPython 3.11 prints.
#include <gtest/gtest.h>

#include <string>

#include "interp/vm.h"
#include "runtime/runtime.h"
#include "runtime/str_internal.h"
#include "runtime/unicode.h"

namespace gp {
namespace {

class StrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Config config;
    config.install_signal_handlers = false;
    ts = create_interpreter(config);
    ASSERT_NE(ts, nullptr);
    globals = dict_new(ts);
  }
  void TearDown() override {
    decref(globals);
    destroy_interpreter(ts);
  }

  // repr() of an expression's value, or "ExcType: message" when it raises.
  std::string eval_repr(const std::string& src) {
    Ref<Object> code = Ref<Object>::steal(compile_source(ts, src, "<test>", CompileMode::Eval));
    Ref<Object> v;
    if (code) v = Ref<Object>::steal(eval_code(ts, code.get(), globals, nullptr));
    if (!v) return exc_text();
    std::string out;
    if (!repr_text(ts, v.get(), &out)) return exc_text();
    return out;
  }
  std::string exc_text() {
    Ref<Object> e = Ref<Object>::steal(fetch_exc(ts));
    if (!e) return "<no exception>";
    std::string msg;
    Ref<Object> s = Ref<Object>::steal(str(ts, e.get()));
    if (s) msg = std::string(str_view(s.get()));
    clear_exc(ts);
    return std::string(type_name(e.get())) + ": " + msg;
  }

  ThreadState* ts = nullptr;
  DictObject* globals = nullptr;
};

#define EXPECT_EVAL(src, expected) EXPECT_EQ(eval_repr(src), expected) << "  source: " << (src)

TEST(StrReprText, QuoteChoice) {
  EXPECT_EQ(str_repr_text("abc"), "'abc'");
  EXPECT_EQ(str_repr_text("it's"), "\"it's\"");
  EXPECT_EQ(str_repr_text("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(str_repr_text("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(str_repr_text("a\\b"), "'a\\\\b'");
}

TEST(StrReprText, Escapes) {
  EXPECT_EQ(str_repr_text("\n\r\t"), "'\\n\\r\\t'");
  EXPECT_EQ(str_repr_text(std::string("\x00\x7f", 2)), "'\\x00\\x7f'");
  EXPECT_EQ(str_repr_text("Привет"), "'Привет'");         // printable Cyrillic kept
  EXPECT_EQ(str_repr_text("\xc2\x85"), "'\\x85'");        // U+0085 is not printable
  EXPECT_EQ(str_repr_text("\xe2\x80\xa8"), "'\\u2028'");  // line separator
  EXPECT_EQ(str_repr_text("\xf3\xa0\x80\x81"), "'\\U000e0001'");
  EXPECT_EQ(str_repr_text("日本"), "'日本'");
}

TEST(Unicode, Classification) {
  namespace u = unicode;
  EXPECT_TRUE(u::is_alpha(0x416));  // Ж
  EXPECT_TRUE(u::is_upper(0x416));
  EXPECT_TRUE(u::is_lower(0x436));
  EXPECT_TRUE(u::is_alpha(0x65E5));  // 日
  EXPECT_FALSE(u::is_upper(0x65E5));
  EXPECT_TRUE(u::is_decimal(0x661));  // ١
  EXPECT_EQ(u::decimal_value(0x663), 3);
  EXPECT_TRUE(u::is_digit(0xB2));  // ²
  EXPECT_FALSE(u::is_decimal(0xB2));
  EXPECT_TRUE(u::is_numeric(0xBD));  // ½
  EXPECT_TRUE(u::is_space(0x3000));
  EXPECT_TRUE(u::is_space(0x1C));
  EXPECT_FALSE(u::is_space(0x200B));
  EXPECT_FALSE(u::is_printable(0xAD));  // soft hyphen (Cf)
  EXPECT_TRUE(u::is_xid_start('_'));
  EXPECT_TRUE(u::is_xid_start(0x41F));
  EXPECT_FALSE(u::is_xid_start('1'));
  EXPECT_TRUE(u::is_xid_continue('1'));
}

TEST(Unicode, CaseMapping) {
  namespace u = unicode;
  EXPECT_EQ(u::upper("Привет, Мир"), "ПРИВЕТ, МИР");
  EXPECT_EQ(u::lower("ПРИВЕТ"), "привет");
  EXPECT_EQ(u::title("привет мир"), "Привет Мир");
  EXPECT_EQ(u::upper("straße"), "STRASSE");
  EXPECT_EQ(u::casefold("ß"), "ss");
  EXPECT_EQ(u::lower("ΟΔΟΣ"), "οδος");  // final sigma
  EXPECT_EQ(u::lower("ΣΑ"), "σα");
  EXPECT_EQ(u::swapcase("ǅ"), "ǅ");  // titlecase: neither upper nor lower
  EXPECT_EQ(u::capitalize("ǆemal"), "ǅemal");
  EXPECT_EQ(u::upper("ﬁ"), "FI");
}

TEST(Unicode, Utf8Check) {
  size_t pos, end;
  const char* reason;
  EXPECT_TRUE(unicode::utf8_check("héllo", &pos, &end, &reason));
  EXPECT_FALSE(unicode::utf8_check("a\xff", &pos, &end, &reason));
  EXPECT_EQ(pos, 1u);
  EXPECT_STREQ(reason, "invalid start byte");
  EXPECT_FALSE(unicode::utf8_check("\xe2\x82x", &pos, &end, &reason));
  EXPECT_EQ(end, 2u);
  EXPECT_STREQ(reason, "invalid continuation byte");
  EXPECT_FALSE(unicode::utf8_check("\xe2\x82", &pos, &end, &reason));
  EXPECT_STREQ(reason, "unexpected end of data");
  EXPECT_FALSE(unicode::utf8_check("\xed\xa0\x80", &pos, &end, &reason));  // surrogate
}

TEST_F(StrTest, Construction) {
  Ref<StrObject> s = Ref<StrObject>::steal(str_from(ts, "Привет"));
  EXPECT_EQ(s->length, 6);
  EXPECT_EQ(s->nbytes, 12);
  EXPECT_FALSE(s->ascii);
  EXPECT_EQ(str_char_at(s.get(), 1), 0x440u);
  EXPECT_EQ(str_byte_offset(s.get(), 3), 6);
  Ref<StrObject> a = Ref<StrObject>::steal(str_from(ts, "x"));
  EXPECT_EQ(a.get(), str_ascii_char('x'));
  EXPECT_NE(str_hash(s.get()), -1);
  Ref<StrObject> s2 = Ref<StrObject>::steal(str_from(ts, "Привет"));
  EXPECT_EQ(str_hash(s.get()), str_hash(s2.get()));
  EXPECT_TRUE(str_equal(s.get(), s2.get()));
}

TEST_F(StrTest, Interning) {
  StrObject* a = intern(ts, "some_name");
  StrObject* b = intern(ts, "some_name");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a->interned);
  StrObject* c = intern_str(ts, str_from(ts, "some_name"));
  EXPECT_EQ(a, c);
  StrObject* n = intern(ts, "__init__");
  EXPECT_EQ(n, names.__init__);
  decref(a);
  decref(b);
  decref(c);
  decref(n);
}

TEST_F(StrTest, StrBuilder) {
  StrBuilder b;
  b.append("ab");
  b.append_cp(0x436);
  b.append_repeat('-', 3);
  Ref<StrObject> s = Ref<StrObject>::steal(b.build(ts));
  EXPECT_EQ(str_view(s.get()), "abж---");
  EXPECT_EQ(s->length, 6);
  EXPECT_FALSE(s->ascii);
}

TEST_F(StrTest, IndexingUtf8) {
  EXPECT_EVAL("'Привет'[1]", "'р'");
  EXPECT_EVAL("'Привет'[-1]", "'т'");
  EXPECT_EVAL("'Привет'[1:4]", "'рив'");
  EXPECT_EVAL("'Привет'[::-1]", "'тевирП'");
  EXPECT_EVAL("'Привет'[::2]", "'Пие'");
  EXPECT_EVAL("len('Привет')", "6");
  EXPECT_EVAL("'Привет'[6]", "IndexError: string index out of range");
  EXPECT_EVAL("'abc'[1.0]", "TypeError: string indices must be integers, not 'float'");
  EXPECT_EVAL("list('жx')", "['ж', 'x']");
  EXPECT_EVAL("'Привет'.find('ве')", "3");
  EXPECT_EVAL("'Привет'.index('т', 2, 6)", "5");
  EXPECT_EVAL("'ПриветПривет'.rfind('р')", "7");
}

TEST_F(StrTest, Split) {
  EXPECT_EVAL("'  a  b \\t c\\n'.split()", "['a', 'b', 'c']");
  EXPECT_EVAL("'a  b  c'.split(None, 1)", "['a', 'b  c']");
  EXPECT_EVAL("'a  b  c  '.rsplit(None, 1)", "['a  b', 'c']");
  EXPECT_EVAL("'a,b,,c'.split(',')", "['a', 'b', '', 'c']");
  EXPECT_EVAL("'  '.split(' ')", "['', '', '']");
  EXPECT_EVAL("''.split()", "[]");
  EXPECT_EVAL("''.split(',')", "['']");
  EXPECT_EVAL("'a.b.c'.rsplit('.', 1)", "['a.b', 'c']");
  EXPECT_EVAL("'abc'.split('')", "ValueError: empty separator");
  EXPECT_EVAL("'x\\u3000y'.split()", "['x', 'y']");
  EXPECT_EVAL("'a\\x1cb'.split()", "['a', 'b']");
  EXPECT_EVAL("'line1\\nline2\\r\\nline3\\n'.splitlines()", "['line1', 'line2', 'line3']");
  EXPECT_EVAL("'x\\ny\\n'.splitlines(True)", "['x\\n', 'y\\n']");
  EXPECT_EVAL("'a\\u2028b'.splitlines()", "['a', 'b']");
}

TEST_F(StrTest, Methods) {
  EXPECT_EVAL("'-'.join(['a', 'b'])", "'a-b'");
  EXPECT_EVAL("''.join([1])", "TypeError: sequence item 0: expected str instance, int found");
  EXPECT_EVAL("'xxhixx'.strip('x')", "'hi'");
  EXPECT_EVAL("'abc'.replace('', '-')", "'-a-b-c-'");
  EXPECT_EVAL("'aaa'.replace('a', 'b', 2)", "'bba'");
  EXPECT_EVAL("'aaaa'.count('aa')", "2");
  EXPECT_EVAL("'abc'.count('')", "4");
  EXPECT_EVAL("'abc'.find('', 4)", "-1");
  EXPECT_EVAL("'abc'.index('z')", "ValueError: substring not found");
  EXPECT_EVAL("'abc'.endswith(('x', 'c'))", "True");
  EXPECT_EVAL("'abc'.startswith('b', 1)", "True");
  EXPECT_EVAL("'hi'.center(7)", "'   hi  '");
  EXPECT_EVAL("'hi'.center(6, '*')", "'**hi**'");
  EXPECT_EVAL("'abc'.center(6)", "' abc  '");
  EXPECT_EVAL("'-42'.zfill(5)", "'-0042'");
  EXPECT_EVAL("'a\\tb'.expandtabs(4)", "'a   b'");
  EXPECT_EVAL("'key=value=x'.rpartition('=')", "('key=value', '=', 'x')");
  EXPECT_EVAL("'hello world'.title()", "'Hello World'");
  EXPECT_EVAL("\"they're\".title()", "\"They'Re\"");
  EXPECT_EVAL("'Title Case'.istitle()", "True");
  EXPECT_EVAL("'١٢'.isdecimal()", "True");
  EXPECT_EVAL("'x_1'.isidentifier()", "True");
  EXPECT_EVAL("'1x'.isidentifier()", "False");
  EXPECT_EVAL("'abcdabcd'.translate(str.maketrans('abc', 'xyz', 'd'))", "'xyzxyz'");
  EXPECT_EVAL("1 in 'abc'", "TypeError: 'in <string>' requires string as left operand, not int");
  EXPECT_EVAL("'a' + 1", "TypeError: can only concatenate str (not \"int\") to str");
  EXPECT_EVAL("3 * 'ab'", "'ababab'");
  EXPECT_EVAL("'ab' * 1.5", "TypeError: can't multiply sequence by non-int of type 'float'");
  EXPECT_EVAL("'Привет, Мир'.upper()", "'ПРИВЕТ, МИР'");
  EXPECT_EVAL("('a' < 'b', 'b' < 'ж', 'ж' < 'a')", "(True, True, False)");
}

TEST_F(StrTest, PercentFormat) {
  EXPECT_EVAL("'%s-%r-%a' % ('x', 'y', 'ж')", "\"x-'y'-'\\\\u0436'\"");
  EXPECT_EVAL("'%5d|%-5d|%05d' % (42, 42, -42)", "'   42|42   |-0042'");
  EXPECT_EVAL("'%+.2f %e %g' % (3.14159, 1234.5, 0.00001)", "'+3.14 1.234500e+03 1e-05'");
  EXPECT_EVAL("'%#x %#o %X %c' % (255, 8, 255, 65)", "'0xff 0o10 FF A'");
  EXPECT_EVAL("'%(a)s %(b)d' % {'a': 1, 'b': 2}", "'1 2'");
  EXPECT_EVAL("'%*.*f' % (8, 2, 3.14159)", "'    3.14'");
  EXPECT_EVAL("'%d%%' % 50", "'50%'");
  EXPECT_EVAL("'%s %s' % (1,)", "TypeError: not enough arguments for format string");
  EXPECT_EVAL("'%s' % (1, 2)", "TypeError: not all arguments converted during string formatting");
  EXPECT_EVAL("'%d' % 'x'", "TypeError: %d format: a real number is required, not str");
  EXPECT_EVAL("'%z' % 1", "ValueError: unsupported format character 'z' (0x7a) at index 1");
}

TEST_F(StrTest, FormatMethod) {
  EXPECT_EVAL("'{} and {}'.format('a', 'b')", "'a and b'");
  EXPECT_EVAL("'{1}{0}'.format('a', 'b')", "'ba'");
  EXPECT_EVAL("'{x}'.format(x=5)", "'5'");
  EXPECT_EVAL("'{0[1]}'.format(['x', 'y'])", "'y'");
  EXPECT_EVAL("'{d[k]}'.format(d={'k': 'v'})", "'v'");
  EXPECT_EVAL("'{0.real}'.format(3)", "'3'");
  EXPECT_EVAL("'{!r:>5}'.format('a')", "\"  'a'\"");
  EXPECT_EVAL("'{:{w}.{p}f}'.format(3.14159, w=8, p=3)", "'   3.142'");
  EXPECT_EVAL("'{{}} {{{}}}'.format('in')", "'{} {in}'");
  EXPECT_EVAL("'{:*^9}'.format('mid')", "'***mid***'");
  EXPECT_EVAL("'{:.3}'.format('truncate')", "'tru'");
  EXPECT_EVAL("'{:ж^5}'.format('a')", "'жжaжж'");
  EXPECT_EVAL("'{1}'.format(1)",
              "IndexError: Replacement index 1 out of range for positional args tuple");
  EXPECT_EVAL("'{0}{}'.format(1, 2)",
              "ValueError: cannot switch from manual field specification to automatic field "
              "numbering");
  EXPECT_EVAL("'{}{0}'.format(1, 2)",
              "ValueError: cannot switch from automatic field numbering to manual field "
              "specification");
  EXPECT_EVAL("'}'.format()", "ValueError: Single '}' encountered in format string");
  EXPECT_EVAL("'{x}'.format()", "KeyError: 'x'");
  EXPECT_EVAL("format('a', 'd')", "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EVAL("format('a', '+')", "ValueError: Sign not allowed in string format specifier");
  EXPECT_EVAL("'{a}'.format_map({'a': 1})", "'1'");
}

TEST_F(StrTest, Codecs) {
  EXPECT_EVAL("'Привет'.encode()",
              "b'\\xd0\\x9f\\xd1\\x80\\xd0\\xb8\\xd0\\xb2\\xd0\\xb5\\xd1\\x82'");
  EXPECT_EVAL("b'\\xd0\\x96'.decode()", "'Ж'");
  EXPECT_EVAL("b'\\xff'.decode('utf-8')",
              "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid "
              "start byte");
  EXPECT_EVAL("'ф'.encode('ascii')",
              "UnicodeEncodeError: 'ascii' codec can't encode character '\\u0444' in position 0: "
              "ordinal not in range(128)");
  EXPECT_EVAL("'abc'.encode('nope')", "LookupError: unknown encoding: nope");
  EXPECT_EVAL("b'a\\xffb'.decode('utf-8', 'replace')", "'a\ufffdb'");  // U+FFFD is printable
  EXPECT_EVAL("b'a\\xffb'.decode('utf-8', 'ignore')", "'ab'");
  EXPECT_EVAL("'é'.encode('latin-1')", "b'\\xe9'");
  EXPECT_EVAL("str(b'\\xe9', 'latin-1')", "'é'");
}

TEST_F(StrTest, Bytes) {
  EXPECT_EVAL("b'it\\'s'", "b\"it's\"");
  EXPECT_EVAL("b'\\x00\\xff\\n\\t\\'\"'", "b'\\x00\\xff\\n\\t\\'\"'");
  EXPECT_EVAL("bytes([65, 66])", "b'AB'");
  EXPECT_EVAL("bytes([256])", "ValueError: bytes must be in range(0, 256)");
  EXPECT_EVAL("b'hello'[1]", "101");
  EXPECT_EVAL("b'hello'[::-1]", "b'olleh'");
  EXPECT_EVAL("b'abc'.hex()", "'616263'");
  EXPECT_EVAL("bytes.fromhex('48 69')", "b'Hi'");
  EXPECT_EVAL("b'a,b'.split(b',')", "[b'a', b'b']");
  EXPECT_EVAL("b'%d-%s' % (5, b'x')", "b'5-x'");
  EXPECT_EVAL("b'a' + bytearray(b'b')", "b'ab'");
  EXPECT_EVAL("b'a' + 'b'", "TypeError: can't concat str to bytes");
  EXPECT_EVAL("'a' in b'abc'", "TypeError: a bytes-like object is required, not 'str'");
  EXPECT_EVAL("98 in b'abc'", "True");
}

TEST_F(StrTest, ByteArray) {
  EXPECT_EVAL("bytearray(b\"it's\")", "bytearray(b\"it\\'s\")");
  EXPECT_EVAL("bytearray(3)", "bytearray(b'\\x00\\x00\\x00')");
  EXPECT_EVAL("hash(bytearray())", "TypeError: unhashable type: 'bytearray'");
  EXPECT_EVAL("bytearray().pop()", "IndexError: pop from empty bytearray");
  EXPECT_EVAL("bytearray(b'ab').upper()", "bytearray(b'AB')");
  EXPECT_EVAL("bytearray(b'a,b').split(b',')", "[bytearray(b'a'), bytearray(b'b')]");
}

}  // namespace
}  // namespace gp
