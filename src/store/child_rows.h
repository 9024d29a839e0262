#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/references.h"
#include "store/sql.h"

namespace weltcampus::store {

// The rows of a record's children (an agreement's quotas) in a table of their own, with a parent
// column and a position.
struct ChildTable {
  std::string_view table;          // "quotas"
  std::string_view parent_column;  // "agreement_id"
  std::string_view what;           // "Quota", for messages
  std::string_view field;          // "quotas", the input array's name
};

// Brings the stored children of `parent_id` in line with `children` by id, so that a child keeps
// its identity across edits (other records may point at it): a child with an id of this parent is
// updated, one without an id is added, a stored child missing from the list is removed — refused
// with 409 naming its referrers if other records point at it. An id that is not this parent's
// child is a 422 naming the field. `update(child, position)` and `insert(child, position)` (which
// sets child.id) write one child.
template <typename Child, typename Update, typename Insert>
void SyncChildren(Connection& c, const ChildTable& spec, int64_t parent_id,
                  std::vector<Child>& children, Update update, Insert insert) {
  // Table and column names are literals of the calling repository.
  const std::string table(spec.table);
  std::vector<int64_t> stored;
  for (const auto& row : c.Query("SELECT id FROM " + table + " WHERE " +
                                     std::string(spec.parent_column) + " = :parent",
                                 Params().Set("parent", parent_id))) {
    stored.push_back(row.Int("id"));
  }
  std::vector<int64_t> kept;
  for (size_t i = 0; i < children.size(); ++i) {
    const int64_t id = children[i].id;
    if (id == 0) {
      continue;
    }
    const std::string field = std::string(spec.field) + "[" + std::to_string(i) + "].id";
    if (std::find(stored.begin(), stored.end(), id) == stored.end()) {
      throw ValidationError(field, "No " + std::string(spec.what) + " with this id in this record");
    }
    if (std::find(kept.begin(), kept.end(), id) != kept.end()) {
      throw ValidationError(field, "This id is given twice");
    }
    kept.push_back(id);
  }
  for (int64_t id : stored) {
    if (std::find(kept.begin(), kept.end(), id) == kept.end()) {
      RefuseIfReferenced(c, spec.table, id, spec.what, std::string(spec.field));
      c.Exec("DELETE FROM " + table + " WHERE id = :id", Params().Set("id", id));
    }
  }
  for (size_t i = 0; i < children.size(); ++i) {
    if (children[i].id != 0) {
      update(children[i], static_cast<int64_t>(i));
    } else {
      insert(children[i], static_cast<int64_t>(i));
    }
  }
}

}  // namespace weltcampus::store
