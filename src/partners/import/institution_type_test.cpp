#include "partners/import/institution_type.h"

#include <gtest/gtest.h>

namespace weltcampus::partners {
namespace {

TEST(GuessInstitutionType, ReadsTheKindFromTheName) {
  using enum InstitutionType;
  EXPECT_EQ(GuessInstitutionType("MEDIZINISCHE UNIVERSITAT GRAZ", kOther), kUniversity);
  EXPECT_EQ(GuessInstitutionType("FH JOANNEUM GESELLSCHAFT MBH", kOther),
            kUniversityOfAppliedSciences);
  EXPECT_EQ(GuessInstitutionType("Universitätsklinikum Carl Gustav Carus", kOther), kHospital);
  EXPECT_EQ(GuessInstitutionType("Centre Hospitalier Tarbes-Lourdes", kOther), kHospital);
  EXPECT_EQ(GuessInstitutionType("IES Maria Moliner", kOther), kOther);
  EXPECT_EQ(GuessInstitutionType("Flinders", kUniversity), kUniversity);
}

}  // namespace
}  // namespace weltcampus::partners
