"""The session and the signed-in user, as Django keeps them (the database session table,
ModelBackend's rules), each read with one written-out statement: every request reads both
(see tidtam.plainsql). Settings: SESSION_ENGINE = "orgs.sessions",
AUTHENTICATION_BACKENDS = ["orgs.sessions.UserBackend"]."""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone

from tidtam import plainsql


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        rows = plainsql.fetch(
            "SELECT session_data FROM django_session WHERE session_key = %s AND expire_date > %s",
            [self.session_key, now],
        )
        if not rows:  # unknown or expired: a new, empty session (as Django's store does)
            self._session_key = None
            return None
        return self.model(session_key=self.session_key, session_data=rows[0][0])


@cache
def _user_sql() -> str:
    user = get_user_model()
    table = user._meta.db_table
    return f"SELECT {plainsql.columns(user, 'u')} FROM {table} u WHERE u.id = %s"  # noqa: S608


class UserBackend(ModelBackend):
    """ModelBackend (passwords, is_active), with the session's user read in one statement."""

    def get_user(self, user_id):
        rows = plainsql.fetch(_user_sql(), [user_id])
        if not rows:
            return None
        user = plainsql.instance(get_user_model(), rows[0])
        return user if self.user_can_authenticate(user) else None
