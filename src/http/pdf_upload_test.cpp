#include "http/pdf_upload.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/text.h"

namespace weltcampus::http {
namespace {

TEST(PdfUpload, APdfIsToldByItsBytes) {
  EXPECT_TRUE(IsPdf("%PDF-1.7\n1 0 obj\n%%EOF\n"));
  EXPECT_FALSE(IsPdf("%PDF-1.7\n1 0 obj\n"));  // cut off: no end marker
  EXPECT_FALSE(IsPdf("PK\x03\x04 %%EOF"));
  EXPECT_FALSE(IsPdf(""));
  std::string long_tail = "%PDF-1.4\n%%EOF" + std::string(2000, ' ');
  EXPECT_FALSE(IsPdf(long_tail));  // the marker must be in the last kilobyte
}

TEST(PdfUpload, FileNamesAreCleaned) {
  EXPECT_EQ(PdfFileName("C:\\Users\\me\\Motivation.PDF"), "Motivation.PDF");
  EXPECT_EQ(PdfFileName("../../etc/passwd"), "passwd.pdf");
  EXPECT_EQ(PdfFileName(" \"letter\"\n "), "letter.pdf");
  EXPECT_EQ(PdfFileName(""), "document.pdf");
  EXPECT_EQ(PdfFileName(std::string(500, 'a')).size(), kMaxPdfFileName);
  EXPECT_EQ(PdfFileName(".pdf"), "document.pdf");
}

TEST(PdfUpload, ALongNameIsCutBetweenCharactersAndKeepsItsExtension) {
  // 100 characters of three bytes each and ".Pdf": the room of 196 bytes ends inside the 66th.
  std::string kanji;
  for (int i = 0; i < 100; ++i) {
    kanji += "東";
  }
  const std::string name = PdfFileName(kanji + ".Pdf");
  EXPECT_EQ(name, kanji.substr(0, 65 * 3) + ".Pdf");
  EXPECT_TRUE(IsUtf8(name)) << name;
  const std::string plain = PdfFileName(kanji);
  EXPECT_EQ(plain, kanji.substr(0, 65 * 3) + ".pdf");
  EXPECT_TRUE(IsUtf8(plain));
}

Request Upload(std::string type, std::string body) {
  Request request;
  request.headers["content-type"] = std::move(type);
  request.body = std::move(body);
  return request;
}

std::string Refused(const Request& request, std::size_t max_bytes) {
  try {
    CheckPdfUpload(request, max_bytes);
    return "";
  } catch (const ApiError& error) {
    return error.field() +
           (error.code() == ErrorCode::kPayloadTooLarge ? " too large" : " invalid");
  }
}

TEST(PdfUpload, ChecksTypeSizeAndBytes) {
  const std::string pdf = "%PDF-1.7\n%%EOF\n";
  EXPECT_EQ(Refused(Upload("application/pdf", pdf), 100), "");
  EXPECT_EQ(Refused(Upload("application/octet-stream", pdf), 100), "");
  EXPECT_EQ(Refused(Upload("text/plain", pdf), 100), "file invalid");
  EXPECT_EQ(Refused(Upload("application/pdf", pdf), 5), "file too large");
  EXPECT_EQ(Refused(Upload("application/pdf", ""), 100), "file invalid");
  EXPECT_EQ(Refused(Upload("application/pdf", "<html>%%EOF"), 100), "file invalid");
}

}  // namespace
}  // namespace weltcampus::http
