#include "partners/import/web_address.h"

#include <gtest/gtest.h>

namespace weltcampus::partners {
namespace {

TEST(WebDomain, StripsSchemeWwwPortAndPath) {
  EXPECT_EQ(WebDomain("http://www.fhv.at "), "fhv.at");
  EXPECT_EQ(WebDomain("https://hochschule-burgenland.at/"), "hochschule-burgenland.at");
  EXPECT_EQ(WebDomain("www.UNI-GRAZ.at"), "uni-graz.at");
  EXPECT_EQ(WebDomain("https://www.kcl.ac.uk:443/about?x=1"), "kcl.ac.uk");
  EXPECT_EQ(WebDomain("http//www.univ-perp.fr"), "univ-perp.fr");
  EXPECT_EQ(WebDomain("www.juntadeandalucia.es/averroes/x/"), "juntadeandalucia.es");
}

TEST(WebDomain, RefusesWhatIsNotOneHost) {
  EXPECT_FALSE(WebDomain(""));
  EXPECT_FALSE(WebDomain("www. iesadaja.centros.educa.jcyl.es"));
  EXPECT_FALSE(WebDomain("20004497200087"));
  EXPECT_FALSE(WebDomain("www.lka"));
  EXPECT_FALSE(WebDomain("lyc-newton@ac-versailles .fr"));
}

TEST(NormaliseWebsite, AddsSchemeAndKeepsPath) {
  EXPECT_EQ(NormaliseWebsite("www.ph-noe.ac.at"), "https://www.ph-noe.ac.at");
  EXPECT_EQ(NormaliseWebsite(" http://www.fhv.at "), "http://www.fhv.at");
  EXPECT_EQ(NormaliseWebsite("http//lyceefrancoismarty.org"), "http://lyceefrancoismarty.org");
  EXPECT_EQ(NormaliseWebsite("https://www.plus.ac.at/"), "https://www.plus.ac.at/");
  EXPECT_FALSE(NormaliseWebsite("www.uoi.gr / www.rc.uoi.gr"));
}

}  // namespace
}  // namespace weltcampus::partners
