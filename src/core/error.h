#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

namespace weltcampus {

// The kinds of failure a request can meet. They are mapped to HTTP statuses in one place (HttpStatus).
enum class ErrorCode {
  kBadRequest,
  kUnauthorized,
  kForbidden,
  kNotFound,
  kMethodNotAllowed,
  kConflict,
  kPreconditionFailed,
  kPayloadTooLarge,
  kUnsupportedMediaType,
  kHeadersTooLarge,
  kValidationFailed,
  kPreconditionRequired,
  kTooManyRequests,
  kInternal,
  kServiceUnavailable,
};

int HttpStatus(ErrorCode code);
std::string_view CodeName(ErrorCode code);

// A failure that the client caused or is told about; services throw it, the router renders it.
class ApiError : public std::runtime_error {
 public:
  ApiError(ErrorCode code, std::string message, std::string field = {})
      : std::runtime_error(std::move(message)), code_(code), field_(std::move(field)) {}

  ErrorCode code() const { return code_; }
  const std::string& field() const { return field_; }
  // Extra members of the error object, such as "current_version" on a 412.
  const nlohmann::json& details() const { return details_; }
  ApiError& WithDetail(const std::string& key, nlohmann::json value) {
    details_[key] = std::move(value);
    return *this;
  }

  nlohmann::json ToJson() const;

 private:
  ErrorCode code_;
  std::string field_;
  nlohmann::json details_ = nlohmann::json::object();
};

inline ApiError ValidationError(std::string field, std::string message) {
  return ApiError(ErrorCode::kValidationFailed, std::move(message), std::move(field));
}

inline ApiError NotFoundError(std::string_view what) {
  return ApiError(ErrorCode::kNotFound, std::string(what) + " not found");
}

}  // namespace weltcampus
