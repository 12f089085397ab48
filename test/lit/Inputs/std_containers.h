// Minimal <string>, <vector>, <map> and <memory> for corolock fixtures, with
// the const and non-const overloads of the standard library (find, begin,
// operator[] of vector, at) that only hand out views.
#pragma once
#include "std_mutex.h"

namespace std {
using size_t = decltype(sizeof(0));

template <typename A, typename B> struct pair {
  A first;
  B second;
};

class string {
public:
  string();
  string(const char *);
  string(const string &);
  string &operator=(const string &);
  string &operator=(const char *);
  bool empty() const;
  size_t size() const;
  void clear();
  string &append(const string &);
  string &operator+=(const string &);
  const char *c_str() const;
};
bool operator==(const string &, const string &);
bool operator!=(const string &, const string &);
string operator+(const string &, const string &);

template <typename T> class vector {
public:
  using iterator = T *;
  using const_iterator = const T *;
  size_t size() const;
  bool empty() const;
  iterator begin();
  const_iterator begin() const;
  iterator end();
  const_iterator end() const;
  T &operator[](size_t);
  const T &operator[](size_t) const;
  T &back();
  const T &back() const;
  void push_back(const T &);
  template <typename... Args> T &emplace_back(Args &&...);
  void pop_back();
  iterator erase(const_iterator);
  void clear();
};

template <typename K, typename V> class map {
public:
  struct iterator {
    pair<const K, V> *operator->() const;
    bool operator!=(const iterator &) const;
    bool operator==(const iterator &) const;
  };
  struct const_iterator {
    const pair<const K, V> *operator->() const;
    bool operator!=(const const_iterator &) const;
    bool operator==(const const_iterator &) const;
  };
  size_t size() const;
  bool empty() const;
  iterator begin();
  const_iterator begin() const;
  iterator end();
  const_iterator end() const;
  iterator find(const K &);
  const_iterator find(const K &) const;
  size_t count(const K &) const;
  bool contains(const K &) const;
  V &operator[](const K &);
  V &at(const K &);
  const V &at(const K &) const;
  pair<iterator, bool> insert(const pair<const K, V> &);
  template <typename... Args> pair<iterator, bool> emplace(Args &&...);
  size_t erase(const K &);
  void clear();
};

template <typename T> class unique_ptr {
public:
  T *operator->() const noexcept;
  T &operator*() const noexcept;
};
} // namespace std

// Shared with concurrencpp_async_lock.h, which declares it too.
#ifndef COROLOCK_MOCK_STD_SHARED_PTR
#define COROLOCK_MOCK_STD_SHARED_PTR
namespace std {
template <typename T> class shared_ptr {
public:
  shared_ptr() noexcept;
  shared_ptr(const shared_ptr &) noexcept;
  ~shared_ptr();
  T *get() const noexcept;
  T *operator->() const noexcept;
};
} // namespace std
#endif
