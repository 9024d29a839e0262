-- German texts beside the English ones (issue 9, defect 5): what people write in prose about a partner, an
-- agreement's title, a partnership's objectives and a joint structure's description, may be given in both
-- languages; the reader gets their own, the other as the fallback.
ALTER TABLE agreements ADD COLUMN title_de TEXT;
ALTER TABLE partnerships ADD COLUMN objectives_de TEXT;
ALTER TABLE joint_structures ADD COLUMN description_de TEXT;
