# topic: string and bytes literals: escapes, raw strings, implicit concatenation, unicode escapes, triple quotes, repr choice of quotes
# compare: exact
# timeout: 10
print('single', "double", '''triple''', """triple double""", 'it\'s', "say \"hi\"")
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'), repr('\n\t\r\\'), repr('\x00\x7f\x80'))
print('tab\tend', 'new\nline', 'back\\slash', 'bell\a'.__len__(), '\101\102', '\x41\u00e9\U0001F600'.encode('utf-8'))
print(len('\N{GREEK SMALL LETTER ALPHA}'), '\N{LATIN SMALL LETTER E WITH ACUTE}', ord('\u044f'), '\u0416')
print(r'raw\n\t', r'C:\path\to', R'\d+', len(r'\n'), r'\'', repr(r'a\b'))
print('implicit' ' concat' "enation", ('multi'
                                       'line'), b'by' b'tes')
text = """Line 1
    Line 2 indented
Line 3 \
continued"""
print(text)
print(repr(text))
print(b'bytes\x00\xff', repr(b"quote'd"), repr(b'\n'), b'\x41', rb'\x41', list(b'AZ'))
print(repr('é'), repr('日本'), repr('\u200b'), repr('\U0001F600'), ascii('日本'), ascii('\U0001F600'))
print(len('日本語'), len('日本語'.encode()), 'ёж'.upper(), 'ΣΑΣ'.lower(), 'straße'.upper(), 'İ'.lower().__len__())
print('a' 'b' == 'ab', 'x' * 0 == '', 'abc'[1], '\'' == "'", "\"" == '"')
s = 'Hello, мир! 🌍'
print(len(s), s[7:10], s[-1] == '🌍', [hex(ord(c)) for c in s[-3:]])
print(str(b'abc'), str(b'abc', 'ascii'), bytes('жук', 'utf-8'), 'жук'.encode('utf-16-le'), b'\xd0\xb6'.decode())
print(chr(0x1F600) == '😀', '\u00e9' == '\xe9', '\x7e', repr('\x7f'), repr('\xa0'), repr('\xad'))
