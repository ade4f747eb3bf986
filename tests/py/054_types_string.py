# compare: exact

import types, string
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x', c=[1]))
def f():
    pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
print(type((x for x in [])) is types.GeneratorType, isinstance(types, types.ModuleType))
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5], string.punctuation)
print(string.hexdigits, len(string.printable), string.capwords('hello  big world'))
t = string.Template('$who likes ${what}')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
