# topic: uncaught three-level implicit chain through a finally and a method; traceback with exception notes-free message formats
# compare: exact
# stderr: traceback
# timeout: 10
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f'insufficient funds: balance {self.balance}, requested {amount}')
        self.balance -= amount

def transfer(src, amount):
    try:
        src.withdraw(amount)
    except ValueError:
        try:
            log = None
            log.write('failed')
        finally:
            print('cleanup in finally')

acct = Account(10)
transfer(acct, 5)
print('balance', acct.balance)
transfer(acct, 50)
