// A ledger service keeps balances and a journal, each under its own
// folly::coro::Mutex held across co_await. Two deadlocks no compiler sees:
// - post() holds accounts_mu_ and awaits credit(), which locks accounts_mu_
//   again: the coroutine waits for itself forever (corolock-lock-reentry).
// - transfer() takes accounts_mu_ then journal_mu_, audit() journal_mu_ then
//   accounts_mu_: a transfer and an audit running together can each hold one
//   and wait for the other (corolock-lock-order-inversion).
// postFixed() calls the variant that expects the lock held, and auditFixed()
// takes the mutexes in transfer()'s order: neither is reported.
//
//   build/llvm-19/bin/corolock examples/*.cpp

#include <map>
#include <string>
#include <vector>

#include "folly/coro/Mutex.h"
#include "task.h"

task<long> fetchRate(const std::string &currency);

class Ledger {
public:
  task<void> credit(std::string account, long amount) {
    auto lk = co_await accounts_mu_.co_scoped_lock();
    creditLocked(account, amount);
  }

  // Reported: credit() locks accounts_mu_, which post() holds.
  task<void> post(std::string account, long amount, std::string currency) {
    auto lk = co_await accounts_mu_.co_scoped_lock();
    long rate = co_await fetchRate(currency);
    co_await credit(account, amount * rate);
  }

  // Not reported: the locked variant expects the lock held.
  task<void> postFixed(std::string account, long amount, std::string currency) {
    auto lk = co_await accounts_mu_.co_scoped_lock();
    long rate = co_await fetchRate(currency);
    creditLocked(account, amount * rate);
  }

  task<void> transfer(std::string from, std::string to, long amount) {
    auto accounts = co_await accounts_mu_.co_scoped_lock();
    balances_[from] -= amount;
    balances_[to] += amount;
    auto journal = co_await journal_mu_.co_scoped_lock();
    journal_.push_back(from + "->" + to);
  }

  // Reported: journal_mu_ then accounts_mu_, the opposite of transfer().
  task<long> audit() {
    auto journal = co_await journal_mu_.co_scoped_lock();
    long entries = static_cast<long>(journal_.size());
    auto accounts = co_await accounts_mu_.co_scoped_lock();
    co_return entries + static_cast<long>(balances_.size());
  }

  // Not reported: transfer()'s order.
  task<long> auditFixed() {
    auto accounts = co_await accounts_mu_.co_scoped_lock();
    auto journal = co_await journal_mu_.co_scoped_lock();
    co_return static_cast<long>(journal_.size() + balances_.size());
  }

private:
  void creditLocked(const std::string &account, long amount) {
    balances_[account] += amount;
  }

  folly::coro::Mutex accounts_mu_;
  folly::coro::Mutex journal_mu_;
  std::map<std::string, long> balances_;
  std::vector<std::string> journal_;
};
