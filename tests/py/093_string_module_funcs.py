# compare: exact

words = ['apple', 'Banana', 'cherry', 'date']
print(max(words, key=len), min(words), sorted(words, key=lambda w: (len(w), w)))
print([w[0].upper() + w[1:] for w in words], ' '.join(reversed(words)))
freq = {}
for ch in 'mississippi':
    freq[ch] = freq.get(ch, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
print('-'.join(str(i) for i in range(5)), '%s' % [1, 2], str(3.0) + 'x')
