"""`inpublic mail`: a report sent as an email to a mentor and followers."""
