#include <gtest/gtest.h>

#include "http/server.h"

namespace weltcampus::http {
namespace {

TEST(UploadPathsTest, APrefixOrOneSegmentPerStar) {
  EXPECT_TRUE(IsUploadTarget("/api/v1/imports/eche?dry_run=true", "/api/v1/imports/"));
  EXPECT_TRUE(IsUploadTarget("/api/v1/agreement-documents/12/files?file_name=a.pdf",
                             "/api/v1/agreement-documents/*/files"));
  EXPECT_TRUE(IsUploadTarget("/api/v1/agreement-documents/12/files",
                             "/api/v1/agreement-documents/*/files"));
  // Other routes of the same records keep the small limit.
  EXPECT_FALSE(
      IsUploadTarget("/api/v1/agreement-documents/12", "/api/v1/agreement-documents/*/files"));
  EXPECT_FALSE(IsUploadTarget("/api/v1/agreement-documents/12/history",
                              "/api/v1/agreement-documents/*/files"));
  EXPECT_FALSE(
      IsUploadTarget("/api/v1/agreement-documents//files", "/api/v1/agreement-documents/*/files"));
  EXPECT_FALSE(IsUploadTarget("/api/v1/agreement-documents/1/2/files",
                              "/api/v1/agreement-documents/*/files"));
  EXPECT_FALSE(IsUploadTarget("/api/v1/partnerships", "/api/v1/imports/"));
}

}  // namespace
}  // namespace weltcampus::http
