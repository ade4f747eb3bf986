# topic: string.Template and string constants
# compare: exact
# timeout: 10
from string import Template
t = Template('$who likes ${what} $$ $x')
print(t.safe_substitute(who='tim', what='kung pao'), t.template)
try: t.substitute(who='tim')
except KeyError as e: print('KeyError', e)
try: Template('$1').substitute()
except ValueError as e: print('ValueError', e)
print(Template('a $b').substitute({'b': 1}, b=2), t.get_identifiers(), t.is_valid())
class T(Template): delimiter = '%'
print(T('%x and %%').substitute(x=5))
import string
print(string.ascii_letters, string.digits, string.punctuation, string.capwords('hello  world'))
print(Template('$a ${b} $$ $').is_valid(), Template('x $y ${y} $z').get_identifiers(), Template('${a}b').safe_substitute(a=1))
