# topic: re: differential fuzz: random patterns (groups, alternation, lazy/possessive/counted repeats, lookaround, conditionals, backrefs, flags) on random subjects with Latin/Cyrillic text
# compare: exact
# timeout: 30
import random
import re

atoms = ['a', 'b', 'c', '.', '[ab]', '[^a]', r'\w', r'\d', r'\s', 'A', 'é', 'Ж', 'ж', '[a-c]',
         '(?i:a)', '\\1', 'x', '(?i:[а-я])']
asserts = [r'\b', '^', '$', r'\B', r'\Z', r'\A']
quants = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,2}', '{0,3}?', '{2,}', '*+', '++']


def gen(rnd, d=0):
    r = rnd.random()
    if r < 0.08:
        return rnd.choice(asserts)
    if d > 2 or r < 0.45:
        s = rnd.choice(atoms)
    elif r < 0.6:
        s = '(' + gen(rnd, d + 1) + ')'
    elif r < 0.7:
        s = '(?:' + gen(rnd, d + 1) + '|' + gen(rnd, d + 1) + ')'
    elif r < 0.75:
        s = rnd.choice(['(?=', '(?!', '(?<=', '(?<!', '(?>']) + gen(rnd, d + 1) + ')'
    elif r < 0.8:
        s = '(?P<n%d>' % rnd.randrange(3) + gen(rnd, d + 1) + ')'
    elif r < 0.83:
        s = '(?(1)' + gen(rnd, d + 1) + '|' + gen(rnd, d + 1) + ')'
    else:
        return gen(rnd, d + 1) + gen(rnd, d + 1)
    return s + rnd.choice(quants)


for seed in (4, 17, 2024):
    rnd = random.Random(seed)
    for i in range(300):
        pat = ''.join(gen(rnd) for _ in range(rnd.randrange(1, 4)))
        flags = rnd.choice([0, 0, re.I, re.M, re.S, re.A, re.I | re.M])
        subj = ''.join(rnd.choice('abcAB \néЖж1_') for _ in range(rnd.randrange(0, 12)))
        try:
            p = re.compile(pat, flags)
        except re.error as e:
            print('%r E %s' % (pat, e))
            continue
        res = [(m.span(), m.groups(), m.lastindex) for m in p.finditer(subj)]
        m = p.match(subj)
        fm = p.fullmatch(subj)
        print('%r %d %r %r %r %r' % (pat, flags, subj, res, m and m.span(), fm and fm.span()))
        print('   ', repr(p.sub('<\\g<0>>', subj)), p.split(subj))
