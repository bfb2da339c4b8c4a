// Rows of one table inserted a chunk at a time through a multi-row INSERT: SQLite's work per
// statement (about half the cost of a one-row insert, in a profile of the store) is paid once per
// chunk. Rows keep their order, so rowids come out as with one INSERT per row. Strings are bound
// without a copy: they must live until flush(); a null `const char*` binds NULL.
//
//   ChunkedInsert mentions(db, "INSERT INTO mentions (response_id, theme) VALUES ", 2);
//   mentions.add({id, &theme});   // executes every 32 rows
//   mentions.flush();             // the rest; before reading the table or committing
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace ascolto {

class ChunkedInsert {
 public:
  using Value = std::variant<std::int64_t, double, const std::string*, const char*>;

  // `head` is the statement up to and including "VALUES ".
  ChunkedInsert(SQLite::Database& db, std::string head, std::size_t columns);

  void add(std::initializer_list<Value> row);
  void flush();
  // Forgets buffered rows (after a failed transaction).
  void clear() { values_.clear(); }

 private:
  static constexpr std::size_t kChunk = 32;
  SQLite::Statement& statement(std::size_t rows);

  SQLite::Database& db_;
  std::string head_;
  std::size_t columns_;
  std::vector<Value> values_;
  std::map<std::size_t, std::unique_ptr<SQLite::Statement>> statements_;  // by row count
};

}  // namespace ascolto
