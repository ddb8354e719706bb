"""The colours the windows say things in: a refusal in red, a success in green."""

FAILURE_STYLE = "color: #b00020;"
SUCCESS_STYLE = "color: #1b5e20;"
