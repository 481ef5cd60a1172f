import base64
import csv
import datetime
import io
import re

from odoo import api, fields, models
from odoo.exceptions import UserError

# the registrar's list of graduates
GRADUATE_COLUMNS = [
    "Student ID",
    "Full name",
    "IIN",
    "Programme code",
    "Graduation date",
    "Form of study",
    "Funding",
    "Email",
    "Phone",
    "Consent",
]
# the state pension-contribution data export, with the checkpoint and status added
EMPLOYMENT_COLUMNS = [
    "IIN",
    "Full name",
    "Employer BIN",
    "Employer",
    "Region",
    "Position",
    "First contribution",
    "Monthly contribution (KZT)",
    "Checkpoint (months)",
    "Status code",
]
COLUMNS = {"graduates": GRADUATE_COLUMNS, "employment": EMPLOYMENT_COLUMNS}
YES = {"1", "yes", "y", "true", "иә", "да", "x"}
NO = {"", "0", "no", "n", "false", "жоқ", "нет"}


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _salary_band(contribution):
    """Pension contributions are 10% of the salary."""
    salary = contribution * 10
    if salary < 150000:
        return "below_150"
    if salary < 250000:
        return "150_250"
    if salary < 400000:
        return "250_400"
    return "above_400"


class QualityEmploymentImport(models.TransientModel):
    """Import graduates or their employment from XLSX or CSV: every row is checked
    first, and nothing is saved unless every row is good. Importing the same file
    again updates the records instead of duplicating them."""

    _name = "quality.employment.import"
    _description = "Import Graduates and Employment"

    kind = fields.Selection(
        [
            ("graduates", "Graduates (registrar's list)"),
            ("employment", "Employment (state pension-contribution data)"),
        ],
        required=True,
        default="graduates",
    )
    file = fields.Binary(required=True)
    filename = fields.Char()
    checkpoint_id = fields.Many2one(
        "quality.employment.checkpoint",
        help="Used for rows that do not name their checkpoint.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("error", "Errors"), ("done", "Done")], default="draft"
    )
    message = fields.Text(readonly=True)

    # reading -----------------------------------------------------------------

    def _read_rows(self):
        """The rows of the file as lists of values, numbered as in the file."""
        self.ensure_one()
        content = base64.b64decode(self.file or b"")
        name = (self.filename or "").lower()
        if name.endswith(".xlsx"):
            import openpyxl

            try:
                sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
                rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            except Exception as error:  # noqa: BLE001 - any unreadable workbook
                raise UserError(
                    self.env._("The file is not a readable XLSX workbook: %(error)s", error=error)
                ) from error
        elif name.endswith(".csv"):
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise UserError(self.env._("A CSV file must be encoded in UTF-8.")) from error
            dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", ",;\t")
            rows = list(csv.reader(io.StringIO(text), dialect))
        else:
            raise UserError(self.env._("Choose an .xlsx or a .csv file."))
        if not rows:
            raise UserError(self.env._("The file is empty."))
        header = [str(cell or "").strip() for cell in rows[0]]
        expected = COLUMNS[self.kind]
        if header[: len(expected)] != expected:
            raise UserError(
                self.env._(
                    "The columns do not follow the template: expected %(expected)s.",
                    expected=", ".join(expected),
                )
            )
        numbered = []
        for number, row in enumerate(rows[1:], start=2):
            cells = [("" if cell is None else cell) for cell in row[: len(expected)]]
            cells += [""] * (len(expected) - len(cells))
            if any(str(cell).strip() for cell in cells):
                numbered.append((number, cells))
        return numbered

    # actions -----------------------------------------------------------------

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        parse = self._parse_graduates if self.kind == "graduates" else self._parse_employment
        values, errors = parse(rows)
        if errors:
            self.write({"state": "error", "message": "\n".join(errors)})
            return self._reopen()
        save = self._save_graduates if self.kind == "graduates" else self._save_employment
        created, updated, unchanged = save(values)
        self.write(
            {
                "state": "done",
                "message": self.env._(
                    "%(created)s created, %(updated)s updated, %(unchanged)s unchanged.",
                    created=created,
                    updated=updated,
                    unchanged=unchanged,
                ),
            }
        )
        return self._reopen()

    def action_download_template(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/quality_university/employment_import_template/{self.kind}.xlsx",
            "target": "download",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # graduates ---------------------------------------------------------------

    def _parse_graduates(self, rows):
        codes = {str(row[3]).strip() for _number, row in rows}
        programmes = {
            p.code: p for p in self.env["quality.programme"].search([("code", "in", list(codes))])
        }
        forms = dict.fromkeys(("full_time", "part_time", "distance"))
        fundings = dict.fromkeys(("grant", "paid", "target"))
        seen, values, errors = {}, [], []
        for number, row in rows:
            code, name, iin, programme, graduated, form, funding, email, phone, consent = (
                str(cell).strip() if not isinstance(cell, datetime.date) else cell for cell in row
            )
            problems = []
            if not code:
                problems.append(self.env._("the student ID is missing"))
            elif code in seen:
                problems.append(
                    self.env._("student ID %(code)s repeats row %(row)s", code=code, row=seen[code])
                )
            if not name:
                problems.append(self.env._("the full name is missing"))
            if iin and not re.fullmatch(r"\d{12}", iin):
                problems.append(self.env._("the IIN %(iin)s does not have twelve digits", iin=iin))
            if programme not in programmes:
                problems.append(self.env._("unknown programme %(code)s", code=programme or "—"))
            date = _parse_date(graduated)
            if not date:
                problems.append(self.env._("bad graduation date %(date)s", date=graduated or "—"))
            if (form or "full_time") not in forms:
                problems.append(self.env._("unknown form of study %(form)s", form=form))
            if (funding or "paid") not in fundings:
                problems.append(self.env._("unknown funding %(funding)s", funding=funding))
            if str(consent).lower() not in YES | NO:
                problems.append(
                    self.env._("consent must be yes or no, not %(value)s", value=consent)
                )
            if email and "@" not in email:
                problems.append(self.env._("bad email %(email)s", email=email))
            if problems:
                errors.append(
                    self.env._(
                        "Row %(row)s: %(problems)s", row=number, problems="; ".join(problems)
                    )
                )
                continue
            seen[code] = number
            values.append(
                {
                    "student_code": code,
                    "name": name,
                    "iin": iin or False,
                    "programme_id": programmes[programme].id,
                    "graduation_date": date,
                    "graduation_year": date.year,
                    "study_form": form or "full_time",
                    "funding": funding or "paid",
                    "email": email or False,
                    "phone": phone or False,
                    "consent": str(consent).lower() in YES,
                }
            )
        return values, errors

    def _save_graduates(self, values):
        Graduate = self.env["quality.graduate"]
        existing = {
            graduate.student_code: graduate
            for graduate in Graduate.search(
                [("student_code", "in", [v["student_code"] for v in values])]
            )
        }
        new = [v for v in values if v["student_code"] not in existing]
        if new:
            Graduate.create(new)
        updated = 0
        for vals in values:
            graduate = existing.get(vals["student_code"])
            if not graduate:
                continue
            changes = {
                key: value
                for key, value in vals.items()
                if (graduate[key].id if key == "programme_id" else graduate[key]) != value
            }
            if changes:
                graduate.write(changes)
                updated += 1
        return len(new), updated, len(values) - len(new) - updated

    # employment --------------------------------------------------------------

    def _parse_employment(self, rows):
        iins = [str(row[0]).strip() for _number, row in rows]
        graduates = {g.iin: g for g in self.env["quality.graduate"].search([("iin", "in", iins)])}
        checkpoints = {c.months: c for c in self.env["quality.employment.checkpoint"].search([])}
        statuses = {s.code: s for s in self.env["quality.employment.status"].search([])}
        seen, values, errors = {}, [], []
        for number, row in rows:
            iin, name, bin_, employer, region, position, start, contribution, months, status = (
                str(cell).strip() if not isinstance(cell, datetime.date) else cell for cell in row
            )
            problems = []
            graduate = graduates.get(iin)
            if not iin:
                problems.append(self.env._("the IIN is missing"))
            elif not graduate:
                problems.append(self.env._("no graduate has the IIN %(iin)s", iin=iin))
            if not name:
                problems.append(self.env._("the full name is missing"))
            checkpoint = self.checkpoint_id
            if months != "":
                try:
                    checkpoint = checkpoints.get(int(float(months)))
                except ValueError:
                    checkpoint = None
            if not checkpoint:
                problems.append(self.env._("unknown checkpoint %(months)s", months=months or "—"))
            if status not in statuses:
                problems.append(self.env._("unknown status %(code)s", code=status or "—"))
            date = _parse_date(start) if start != "" else None
            if start != "" and not date:
                problems.append(self.env._("bad date %(date)s", date=start))
            amount = None
            if contribution != "":
                try:
                    amount = float(str(contribution).replace(" ", "").replace(",", "."))
                except ValueError:
                    problems.append(self.env._("bad contribution %(value)s", value=contribution))
                else:
                    if amount < 0:
                        problems.append(
                            self.env._("bad contribution %(value)s", value=contribution)
                        )
            if bin_ and not re.fullmatch(r"\d{12}", bin_):
                problems.append(self.env._("the BIN %(bin)s does not have twelve digits", bin=bin_))
            if statuses.get(status) and statuses[status].employed and not (bin_ and employer):
                problems.append(self.env._("an employed graduate needs the employer and its BIN"))
            key = (iin, checkpoint.id if checkpoint else None)
            if not problems and key in seen:
                problems.append(self.env._("repeats row %(row)s", row=seen[key]))
            if problems:
                errors.append(
                    self.env._(
                        "Row %(row)s: %(problems)s", row=number, problems="; ".join(problems)
                    )
                )
                continue
            seen[key] = number
            values.append(
                {
                    "graduate_id": graduate.id,
                    "checkpoint_id": checkpoint.id,
                    "status_id": statuses[status].id,
                    "employer": (bin_, employer) if bin_ else None,
                    "region": region or False,
                    "position": position or False,
                    "date_start": date or False,
                    "salary_band": _salary_band(amount) if amount else False,
                    "source": "pension",
                }
            )
        return values, errors

    def _save_employment(self, values):
        Partner = self.env["res.partner"]
        bins = {v["employer"][0]: v["employer"][1] for v in values if v["employer"]}
        employers = {p.vat: p for p in Partner.search([("vat", "in", list(bins))])}
        missing = [b for b in bins if b not in employers]
        if missing:
            # employers are companies, not personal data: the career centre adds them
            for partner in Partner.sudo().create(
                [{"name": bins[b], "vat": b, "is_company": True} for b in missing]
            ):
                employers[partner.vat] = partner
        Employment = self.env["quality.graduate.employment"]
        existing = {
            (e.graduate_id.id, e.checkpoint_id.id): e
            for e in Employment.search([("graduate_id", "in", [v["graduate_id"] for v in values])])
        }
        new, updated = [], 0
        for vals in values:
            employer = vals.pop("employer")
            vals["employer_id"] = employers[employer[0]].id if employer else False
            outcome = existing.get((vals["graduate_id"], vals["checkpoint_id"]))
            if not outcome:
                new.append(vals)
                continue
            changes = {
                key: value
                for key, value in vals.items()
                if (outcome[key].id if isinstance(outcome[key], models.BaseModel) else outcome[key])
                != value
            }
            if changes:
                outcome.write(changes)
                updated += 1
        if new:
            Employment.create(new)
        return len(new), updated, len(values) - len(new) - updated

    @api.model
    def _template_rows(self, kind):
        return [COLUMNS[kind]]
