# topic: uncaught exception raised with "from None" inside an except block: only the last traceback shown; nested function frames
# compare: exact
# stderr: traceback
# timeout: 10
class Registry:
    def __init__(self):
        self.items = {'a': 1}

    def get(self, name):
        try:
            return self.items[name]
        except KeyError:
            raise LookupError(f'no item named {name!r}') from None

def main():
    reg = Registry()
    print(reg.get('a'))
    values = [reg.get(n) for n in ['a', 'b']]
    print(values)

main()
