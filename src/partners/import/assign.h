#pragma once

namespace weltcampus::partners {

// Sets target to value and reports whether that changed it: the importers update an institution
// field by field and count it as changed if any field was.
template <typename T>
bool Assign(T& target, const T& value) {
  if (target == value) {
    return false;
  }
  target = value;
  return true;
}

}  // namespace weltcampus::partners
