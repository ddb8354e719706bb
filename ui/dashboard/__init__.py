"""The team lead's dashboard: this shift, the day, the campaign, the backlog."""
