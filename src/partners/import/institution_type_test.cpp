#include "partners/import/institution_type.h"

#include <gtest/gtest.h>

namespace weltcampus::partners {
namespace {

TEST(GuessInstitutionType, ReadsTheKindFromTheName) {
  EXPECT_EQ(GuessInstitutionType("MEDIZINISCHE UNIVERSITAT GRAZ", "other"), "university");
  EXPECT_EQ(GuessInstitutionType("FH JOANNEUM GESELLSCHAFT MBH", "other"),
            "university_of_applied_sciences");
  EXPECT_EQ(GuessInstitutionType("Universitätsklinikum Carl Gustav Carus", "other"), "hospital");
  EXPECT_EQ(GuessInstitutionType("Centre Hospitalier Tarbes-Lourdes", "other"), "hospital");
  EXPECT_EQ(GuessInstitutionType("IES Maria Moliner", "other"), "other");
  EXPECT_EQ(GuessInstitutionType("Flinders", "university"), "university");
}

}  // namespace
}  // namespace weltcampus::partners
