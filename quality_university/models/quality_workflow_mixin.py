from odoo import api, models
from odoo.exceptions import AccessError, UserError

# The value a transition puts in the context. JSON-RPC can only send JSON values,
# so no client can forge it: plain `write`/`create` over RPC never carry it.
_TRANSITION = object()


class QualityWorkflowMixin(models.AbstractModel):
    """One way to change the state of a quality record: its transition methods.

    A model lists its workflow fields (state, approvers, verdicts, closing dates) in
    ``_workflow_fields`` and its frozen states in ``_workflow_locked_states``. Then:

    - ``create`` refuses workflow fields other than their defaults, and ``write``
      refuses them altogether, for everybody (sudo included), unless the write comes
      from a transition through ``_workflow_write``;
    - a record in a locked state refuses every write and unlink except the fields in
      ``_workflow_lock_exempt`` (chatter bookkeeping) and the transitions' own writes;
    - ``_check_transition`` is the one guard every ``action_*`` calls first: the states
      it starts from, the group that may run it and, where the manual names a person,
      that person.
    Children lock with their parent through ``_workflow_parent_field``.
    """

    _name = "quality.workflow.mixin"
    _description = "Quality Workflow Guard"

    _workflow_state_field = "state"
    _workflow_fields = ("state",)
    _workflow_locked_states = ()
    _workflow_lock_exempt = frozenset(
        {"message_main_attachment_id", "activity_ids", "message_follower_ids"}
    )
    # a child model (lines of an audit, agreement lines...) locks with its parent
    _workflow_parent_field = None

    # helpers -----------------------------------------------------------------

    def _in_transition(self):
        context = self.env.context
        # data files (demo stories) load as the superuser, which RPC cannot be
        return context.get("quality_transition") is _TRANSITION or bool(
            self.env.su and context.get("install_filename")
        )

    def _workflow_write(self, vals):
        """Write as a transition: the only way workflow fields and locked records change."""
        return self.with_context(quality_transition=_TRANSITION).write(vals)

    @api.model
    def _workflow_create(self, vals_list):
        records = self.with_context(quality_transition=_TRANSITION).create(vals_list)
        return records.with_env(self.env)

    def _workflow_locked(self):
        """The records of self that are frozen, by their own state or their parent's."""
        field = self._workflow_state_field
        locked = self.browse()
        if field:
            locked = self.filtered(lambda rec: rec[field] in self._workflow_locked_states)
        if self._workflow_parent_field:
            parents = self.mapped(self._workflow_parent_field)
            if parents:
                frozen = parents._workflow_locked()
                locked |= self.filtered(lambda rec: rec[self._workflow_parent_field] & frozen)
        return locked

    def _check_transition(
        self, from_states=None, group=None, users=None, message=None, exclude_users=None
    ):
        """Refuse a transition unless every record is in one of ``from_states``, the
        caller is in ``group`` (an xml id) and, when ``users`` is given (a callable
        record -> res.users), is one of those users for each record; without
        ``users`` the caller must be allowed to edit the records (their unit).
        ``exclude_users`` (same form) names who may not: the responsible never
        verifies his or her own work."""
        user = self.env.user
        if group and not self.env.su and not user.has_group(group):
            error = AccessError(
                self.env._(
                    "You are not allowed to do this: it is reserved to %(group)s.",
                    group=self.env.ref(group).full_name,
                )
            )
            error.quality_refusal = "group"
            raise error
        if users is None and not self.env.su:
            self.check_access("write")
        field = self._workflow_state_field
        for record in self:
            if from_states is not None and record[field] not in from_states:
                raise UserError(
                    self.env._(
                        "%(record)s cannot take this step in its current state (%(state)s).",
                        record=record.sudo().display_name,
                        state=dict(record._fields[field]._description_selection(self.env)).get(
                            record[field], record[field]
                        ),
                    )
                )
            refused = (users is not None and user not in users(record)) or (
                exclude_users is not None and user in exclude_users(record)
            )
            if refused and not self.env.su:
                error = AccessError(
                    message
                    or self.env._(
                        "Only the person the procedure names may do this on %(record)s.",
                        record=record.sudo().display_name,
                    )
                )
                error.quality_refusal = "person"
                raise error

    # CRUD --------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._in_transition():
            self._check_workflow_create_vals(vals_list)
        records = super().create(vals_list)
        if self._workflow_parent_field and not self._in_transition():
            records._check_workflow_unlocked()
        return records

    @api.model
    def _check_workflow_create_vals(self, vals_list):
        defaults = self.default_get(list(self._workflow_fields))
        for vals in vals_list:
            for name in self._workflow_fields:
                if name in vals and (vals[name] or False) != defaults.get(name, False):
                    raise UserError(
                        self.env._(
                            "%(field)s is set by the workflow, not by hand.",
                            field=self._fields[name]._description_string(self.env),
                        )
                    )

    def write(self, vals):
        if not self._in_transition():
            forbidden = set(vals) & set(self._workflow_fields)
            if forbidden:
                raise UserError(
                    self.env._(
                        "%(field)s is set by the workflow, not by hand.",
                        field=self._fields[forbidden.pop()]._description_string(self.env),
                    )
                )
            if set(vals) - self._workflow_lock_exempt:
                self._check_workflow_unlocked()
        result = super().write(vals)
        if not self.env.su and not self._in_transition() and self._workflow_moves(vals):
            # record rules are checked before a write: a record moved to a unit or a
            # parent outside the user's care must be refused after it too
            self.check_access("write")
        return result

    def _workflow_moves(self, vals):
        return any(
            self._fields[name].type in ("many2one", "many2many")
            for name in vals
            if name in self._fields and name not in self._workflow_lock_exempt
        )

    def copy_data(self, default=None):
        """A duplicate starts its workflow anew: it does not copy states or verdicts."""
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            for name in self._workflow_fields:
                if name not in (default or {}):
                    vals.pop(name, None)
        return vals_list

    @api.ondelete(at_uninstall=False)
    def _unlink_except_workflow_locked(self):
        self._check_workflow_unlocked()

    def _check_workflow_unlocked(self):
        locked = self._workflow_locked()
        if locked:
            raise UserError(
                self.env._(
                    "%(record)s is approved or closed and can no longer be changed.",
                    record=locked[0].sudo().display_name,
                )
            )
