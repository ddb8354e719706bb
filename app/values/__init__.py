"""The values a register holds: dates, Vietnamese text, ID numbers and text
in legacy encodings. Pure: no database behind them."""
