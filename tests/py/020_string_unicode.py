# compare: exact

s = 'Съешь же ещё этих мягких французских булок'
print(len(s), s.upper(), s.split()[1], s[::-1][:5])
print(s.encode('utf-8')[:6], len(s.encode()), 'ё' in s, s.find('ещё'))
print('日本語'.center(9, '*'), '🙂'.encode(), len('🙂'), ord('🙂'))
print(sorted('Яблоко', key=str.lower), 'Ä'.lower(), 'straße'.upper())
print('{:>10}|'.format('мир'), f'{"ок":^6}|')
print(str(b'caf\xc3\xa9', 'utf-8'), 'naïve'.encode('ascii', 'replace'), 'naïve'.encode('ascii', 'ignore'))
