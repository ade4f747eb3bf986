def helper():
    return 'helper called'


print('mainguard imported, __name__ =', __name__)

if __name__ == '__main__':
    print('this must not print when imported')
