# topic: random with a seed: exact Mersenne Twister values for random/randint/randrange/choice/choices/shuffle/sample/uniform/getrandbits, reseeding reproducibility, Random instances
# compare: exact
# timeout: 10
import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(0, 100, 5) for _ in range(5)], random.randrange(10), random.randrange(-10, -5))
print(random.choice('abcdefg'), random.choice([10, 20, 30]), random.choice(range(1000)))
deck = list(range(1, 11))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample('abcdef', 3), sorted(random.sample(range(10), 10)) == list(range(10)))
print(random.uniform(1, 2), random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
print(random.choices(['a', 'b', 'c'], k=5), random.choices(['x', 'y'], weights=[9, 1], k=6), random.choices(range(3), cum_weights=[1, 2, 3], k=4))
random.seed(42)
first = random.random()
random.seed(42)
print(first == random.random())
r1 = random.Random(123)
r2 = random.Random(123)
print([r1.randint(0, 9) for _ in range(10)] == [r2.randint(0, 9) for _ in range(10)], r1.random())
random.seed('text seed')
print(random.random(), random.randint(0, 10 ** 12))
random.seed(b'bytes seed')
print(random.random())
random.seed(2 ** 100 + 7)
print(random.random(), random.randint(-5, 5))
random.seed(0)
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])
random.seed(7)
print(round(random.gauss(0, 1), 12), round(random.normalvariate(10, 2), 12), round(random.expovariate(1.5), 12), round(random.triangular(0, 10, 3), 12))
print(round(random.betavariate(2, 3), 12), round(random.lognormvariate(0, 1), 12), round(random.vonmisesvariate(0, 1), 12), round(random.paretovariate(3), 12))
random.seed(99)
dice = [random.randint(1, 6) for _ in range(1000)]
print([dice.count(i) for i in range(1, 7)], sum(dice))
words = ['apple', 'banana', 'cherry', 'date']
random.seed(5)
random.shuffle(words)
print(words, random.choice(words))
for bad in (lambda: random.choice([]), lambda: random.randint(5, 1), lambda: random.sample([1, 2], 3), lambda: random.randrange(0)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ':', e)
