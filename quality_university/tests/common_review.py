from datetime import date

from .common import QualityCommon

# an academic year far from the demo data's, so that counts only see the test's records
YEAR = "2030/2031"
IN_YEAR = date(2030, 11, 15)
BEFORE_YEAR = date(2030, 5, 10)


class QualityReviewCommon(QualityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company

    @classmethod
    def _nonconformities(cls, count, unit, day=IN_YEAR, **values):
        records = cls.env["quality.nonconformity"].create(
            [
                {
                    "department_id": unit.id,
                    "description": f"Test nonconformity {index}",
                    **values,
                }
                for index in range(count)
            ]
        )
        # the test year lies ahead of the demo's, and a report is never dated in the
        # future: the fixture dates them where the year needs them
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE quality_nonconformity SET date = %s WHERE id IN %s", (day, tuple(records.ids))
        )
        records.invalidate_recordset(["date"])
        return records

    @classmethod
    def _complaints(cls, count, unit, day=IN_YEAR, **values):
        return cls.env["quality.complaint"].create(
            [
                {
                    "subject": f"Test complaint {index}",
                    "description": "Test",
                    "date": day,
                    "date_deadline": day,
                    "department_id": unit.id,
                    "responsible_id": cls.users["officer"].id,
                    **values,
                }
                for index in range(count)
            ]
        )

    @classmethod
    def _actions(cls, count, unit, deadline=IN_YEAR, **values):
        return cls.env["quality.action"].create(
            [
                {
                    "name": f"Test action {index}",
                    "department_id": unit.id,
                    "responsible_id": cls.users["officer"].id,
                    "date_deadline": deadline,
                    **values,
                }
                for index in range(count)
            ]
        )

    def _review(self, **values):
        return (
            self.env["quality.management.review"]
            .with_user(self.users["manager"])
            .create({"name": "Test review", "year": YEAR, "date": date(2031, 6, 25), **values})
        )


def section_values(sections, key):
    """``{label: value}`` of one section."""
    section = next(s for s in sections if s["key"] == key)
    return {line["label"]: line["value"] for line in section["lines"]}
