#include "core/error.h"

namespace weltcampus {

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kUnauthorized:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPreconditionFailed:
      return 412;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kHeadersTooLarge:
      return 431;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kValidationFailed:
      return 422;
    case ErrorCode::kPreconditionRequired:
      return 428;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kServiceUnavailable:
      return 503;
  }
  return 500;
}

std::string_view CodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return "bad_request";
    case ErrorCode::kUnauthorized:
      return "unauthorized";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kPreconditionFailed:
      return "precondition_failed";
    case ErrorCode::kPayloadTooLarge:
      return "payload_too_large";
    case ErrorCode::kUnsupportedMediaType:
      return "unsupported_media_type";
    case ErrorCode::kHeadersTooLarge:
      return "headers_too_large";
    case ErrorCode::kValidationFailed:
      return "validation_failed";
    case ErrorCode::kPreconditionRequired:
      return "precondition_required";
    case ErrorCode::kTooManyRequests:
      return "too_many_requests";
    case ErrorCode::kInternal:
      return "internal";
    case ErrorCode::kServiceUnavailable:
      return "service_unavailable";
  }
  return "internal";
}

nlohmann::json ApiError::ToJson() const {
  nlohmann::json error = {{"code", CodeName(code_)}, {"message", what()}};
  if (!field_.empty()) {
    error["field"] = field_;
  }
  for (const auto& [key, value] : details_.items()) {
    error[key] = value;
  }
  return {{"error", std::move(error)}};
}

}  // namespace weltcampus
