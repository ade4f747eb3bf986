# compare: exact

from collections import Counter
c = Counter('abracadabra')
print(c, c.most_common(2), c['a'], c['z'])
c.update('aaz'); c.subtract({'b': 1}); print(c)
print(sorted(c.elements())[:6], c.total())
a, b = Counter(a=3, b=1), Counter(a=1, b=2)
print(a + b, a - b, a | b, a & b)
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(1), Counter(), Counter({'x': 0}))
