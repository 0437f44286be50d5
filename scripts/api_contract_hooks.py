"""What the API tester cannot read in the OpenAPI document: the one rule about answers that JSON
Schema cannot express, stated in the document's description (teams may not exceed engineers when
both are given). Bodies that break it are not sent as valid ones; the 422 the API answers them
with is tested in tests/api/recommendation.rs."""

import schemathesis


def _number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@schemathesis.hook
def filter_case(context, case):
    body = case.body
    if isinstance(body, dict):
        teams, engineers = body.get("teams"), body.get("engineers")
        if _number(teams) and _number(engineers) and teams > engineers:
            return False
    return True
