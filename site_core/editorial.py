"""Who writes and who publishes: the groups of the editorial workflow.

Editors (communications staff) draft pages, translate them and submit them for approval;
the Communications lead group approves and publishes. Wagtail's workflow does the rest:
the root page, and so every page in both languages, uses the one-task workflow
APPROVAL_WORKFLOW, whose task is approved by COMMUNICATIONS_LEAD_GROUP (set up by migration
site_core 0008, which keeps its own copy of these names). Wagtail mails the approvers on
submission and the submitter on approval or rejection, through the job queue
(site_core.queued_mail), each in the recipient's admin language.

The snippets visitors see (site_core.snippet_drafts.PublishableSnippet: the footer, member
companies, news tags) use the same workflow and the same rule: Editors save drafts and
submit, COMMUNICATIONS_LEAD_GROUP holds their publish permission (migration home 0006).
"""

EDITORS_GROUP = "Editors"
COMMUNICATIONS_LEAD_GROUP = "Communications lead"
APPROVAL_WORKFLOW = "Communications lead approval"
