#!/usr/bin/env python3
"""Generates runtime/unicode_names.inc: the character names behind "\\N{...}" escapes.

Run with CPython 3.11 (Unicode 14.0):
    python3 runtime/unicode_names_gen.py > runtime/unicode_names.inc

Not the whole Unicode name list (that is ~1 MB): the blocks Python users write names from -
ASCII and Latin (with the extensions), IPA, combining marks, Greek, Cyrillic, general
punctuation, super/subscripts, currency, letterlike, number forms, arrows, mathematical
operators, technical symbols, enclosed alphanumerics, box drawing, shapes, miscellaneous
symbols, dingbats, CJK punctuation, variation selectors, full-width forms and the emoji planes -
plus the common aliases (NBSP, ZWJ, LINE FEED...). CJK unified and compatibility ideographs are
named algorithmically ("CJK UNIFIED IDEOGRAPH-4E00") and need no table, only their ranges.

Compression: names are split at spaces into words; the words, most frequent first, get a one-byte
code (< 0x80) or a two-byte code (0x80 | high, low). A name is its word count then its codes, in
code point order; runs of consecutive named code points map name positions to code points.
unicode.cpp decodes it (lookup_name, char_name).
"""
import collections
import sys
import unicodedata

BLOCKS = [
    (0x0020, 0x007F),    # ASCII
    (0x00A0, 0x0250),    # Latin-1 supplement, Latin extended A/B
    (0x0250, 0x0370),    # IPA, spacing modifiers, combining diacritical marks
    (0x0370, 0x0530),    # Greek and Coptic, Cyrillic (+ supplement)
    (0x1E00, 0x2000),    # Latin extended additional, Greek extended
    (0x2000, 0x2C00),    # punctuation .. miscellaneous symbols and arrows
    (0x2C60, 0x2C80),    # Latin extended C
    (0x3000, 0x3040),    # CJK symbols and punctuation
    (0xA720, 0xA800),    # Latin extended D
    (0xFB00, 0xFB07),    # Latin ligatures
    (0xFE00, 0xFE10),    # variation selectors
    (0xFE30, 0xFE50),    # CJK compatibility forms
    (0xFEFF, 0xFF00),    # BOM
    (0xFF00, 0xFFF0),    # half-width and full-width forms
    (0xFFF9, 0xFFFE),    # specials (REPLACEMENT CHARACTER...)
    (0x1D400, 0x1D800),  # mathematical alphanumeric symbols
    (0x1F000, 0x1FB00),  # mahjong, cards, enclosed, emoji, symbols and pictographs
    (0xE0000, 0xE0080),  # tags (emoji flag sequences)
]

# Aliases and abbreviations accepted by \N{...}; each is checked against unicodedata.lookup.
ALIASES = [
    'NULL', 'NUL', 'ALERT', 'BEL', 'BACKSPACE', 'BS', 'CHARACTER TABULATION',
    'HORIZONTAL TABULATION', 'TAB', 'HT', 'LINE FEED', 'NEW LINE', 'END OF LINE', 'LF', 'NL',
    'EOL', 'LINE TABULATION', 'VERTICAL TABULATION', 'VT', 'FORM FEED', 'FF',
    'CARRIAGE RETURN', 'CR', 'ESCAPE', 'ESC', 'SP', 'DELETE', 'DEL', 'NEXT LINE', 'NEL',
    'NBSP', 'NO-BREAK SPACE', 'SHY', 'ZWSP', 'ZWNJ', 'ZWJ', 'LRM', 'RLM', 'LRE', 'RLE', 'PDF',
    'LRO', 'RLO', 'NNBSP', 'MMSP', 'WJ', 'LRI', 'RLI', 'FSI', 'PDI', 'BOM', 'ZWNBSP',
    'BYTE ORDER MARK', 'CGJ', 'ALM', 'VS1', 'VS2', 'VS3', 'VS4', 'VS5', 'VS6', 'VS7', 'VS8',
    'VS9', 'VS10', 'VS11', 'VS12', 'VS13', 'VS14', 'VS15', 'VS16',
]
ALIASES += ['INFORMATION SEPARATOR %s' % w for w in ('ONE', 'TWO', 'THREE', 'FOUR')]
ALIASES += ['START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY',
            'ACKNOWLEDGE', 'SHIFT OUT', 'SHIFT IN', 'DATA LINK ESCAPE', 'DEVICE CONTROL ONE',
            'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE', 'DEVICE CONTROL FOUR',
            'NEGATIVE ACKNOWLEDGE', 'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK', 'CANCEL',
            'END OF MEDIUM', 'SUBSTITUTE', 'FILE SEPARATOR', 'GROUP SEPARATOR',
            'RECORD SEPARATOR', 'UNIT SEPARATOR']


def cjk_ranges():
    runs = []
    for prefix in ('CJK UNIFIED IDEOGRAPH-', 'CJK COMPATIBILITY IDEOGRAPH-'):
        start = None
        for cp in range(0x3400, 0x32000):
            ok = unicodedata.name(chr(cp), '') == prefix + '%X' % cp
            if ok and start is None:
                start = cp
            elif not ok and start is not None:
                runs.append((start, cp - 1, prefix.startswith('CJK UNIFIED')))
                start = None
    return runs


def main():
    out = sys.stdout
    cps = sorted({cp for a, b in BLOCKS for cp in range(a, b)
                  if unicodedata.name(chr(cp), '') and 'IDEOGRAPH-' not in unicodedata.name(chr(cp))})
    names = [unicodedata.name(chr(cp)) for cp in cps]
    freq = collections.Counter(w for n in names for w in n.split(' '))
    words = sorted(freq, key=lambda w: (-freq[w], w))
    assert len(words) < 0x8000
    code = {w: i for i, w in enumerate(words)}

    data = bytearray()
    for n in names:
        ws = n.split(' ')
        assert 0 < len(ws) < 256
        data.append(len(ws))
        for w in ws:
            i = code[w]
            if i < 0x80:
                data.append(i)
            else:
                data += bytes((0x80 | (i >> 8), i & 0xFF))

    runs = []
    for cp in cps:
        if runs and runs[-1][0] + runs[-1][1] == cp:
            runs[-1][1] += 1
        else:
            runs.append([cp, 1])

    out.write('// Generated by runtime/unicode_names_gen.py from Unicode %s. Do not edit.\n'
              '// %d names in %d bytes of codes, %d words.\n'
              % (unicodedata.unidata_version, len(names), len(data), len(words)))
    text = '\0'.join(words) + '\0'
    offsets = []
    pos = 0
    for w in words:
        offsets.append(pos)
        pos += len(w) + 1
    out.write('static const char kNameWords[] =\n')
    line = ''
    for w in words:
        piece = w + '\\0'
        if len(line) + len(piece) > 92:
            out.write('    "%s"\n' % line)
            line = ''
        line += piece
    out.write('    "%s";\n' % line)
    out.write('static const uint32_t kNameWordOffsets[] = {\n')
    for i in range(0, len(offsets), 12):
        out.write('    ' + ' '.join('%d,' % o for o in offsets[i:i + 12]) + '\n')
    out.write('};\n')
    out.write('static const uint8_t kNameCodes[] = {\n')
    for i in range(0, len(data), 24):
        out.write('    ' + ''.join('%d,' % b for b in data[i:i + 24]) + '\n')
    out.write('};\n')
    out.write('struct NameRun {\n  uint32_t first;\n  uint32_t count;\n};\n')
    out.write('static const NameRun kNameRuns[] = {\n')
    for i in range(0, len(runs), 6):
        out.write('    ' + ' '.join('{0x%X, %d},' % tuple(r) for r in runs[i:i + 6]) + '\n')
    out.write('};\n')

    out.write('struct NameAlias {\n  const char* name;\n  uint32_t cp;\n};\n')
    out.write('static const NameAlias kNameAliases[] = {\n')
    for a in ALIASES:
        cp = ord(unicodedata.lookup(a))
        if unicodedata.name(chr(cp), '') == a:
            continue
        out.write('    {"%s", 0x%X},\n' % (a, cp))
    out.write('};\n')

    out.write('struct IdeographRun {\n  uint32_t first;\n  uint32_t last;\n  bool unified;\n};\n')
    out.write('static const IdeographRun kIdeographRuns[] = {\n')
    for a, b, unified in cjk_ranges():
        out.write('    {0x%X, 0x%X, %s},\n' % (a, b, 'true' if unified else 'false'))
    out.write('};\n')


if __name__ == '__main__':
    main()
