"""The centre's window: the province's campaign at a glance."""
