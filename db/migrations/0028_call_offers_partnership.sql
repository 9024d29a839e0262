-- An offer keeps its partner's name for its lists; when the partner register renames the partner,
-- the offers of that partnership are found by this index (exchange::CopyPartnerNameToOffers).
CREATE INDEX call_offers_partnership ON call_offers (partnership_id);
