# The "talk to us" form, its checks and the thanks page.

## The form

contact-title = Talk to us
contact-description = Tell us what you are building; a senior engineer replies within { $within }. The code stays yours.
contact-lead = Tell us what you are building. A senior engineer at { $brand } replies within { $within }; the code we write stays yours.
contact-check-fields = { $count ->
    [one] Please check the field marked below; everything you typed is still here.
   *[other] Please check the { $count } fields marked below; everything you typed is still here.
}
contact-attached = We will discuss your guide result:
contact-name = Your name
contact-email = Work email
contact-company = Company (optional)
contact-role = Your role (optional)
contact-message = What are you building?
contact-message-help = A few sentences are plenty: the product, the team, what worries you.
contact-preferred = How should we reach you? (optional)
contact-consent-label = You may store what I send and contact me about it, as described in the <a class="underline" href="/privacy">privacy notice</a>.
contact-honeypot = Leave this field empty
contact-send = Send

## What can be wrong with it

contact-name-empty = Please tell us your name.
contact-name-long = A name has at most { $max } characters.
contact-email-empty = Please enter your work email.
contact-email-long = An email address has at most { $max } characters.
contact-email-invalid = This does not look like an email address (name@company.com).
contact-company-long = A company name has at most { $max } characters.
contact-role-long = A role has at most { $max } characters.
contact-preferred-long = This field has at most { $max } characters.
contact-message-empty = Please tell us a little about what you are building.
contact-message-long = Please keep the message under { $max } characters (it has { $length }).
contact-consent = Please agree so that we may store your message and answer it.
contact-notice-again = For your safety this form has to be sent once more: everything you typed is still here, please press Send again.
contact-notice-busy = We have received several messages from your network in the last hour. Please send this again in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}; everything you typed is still here.
contact-notice-unavailable = Sorry, we could not save your message just now. Nothing was lost: please press Send again in a moment.

## The thanks page

thanks-title = Thank you
thanks-description = Your message has reached us.
thanks-heading = Thank you, your message has reached us
thanks-reference = Your reference:
thanks-reply-by = We received it on { $received }. A senior engineer will reply by { $reply_by }, within { $within }.
thanks-learn = Read the explainer while you wait
thanks-unknown = We could not find that reference
thanks-unknown-text = If you sent us a message, it is safe with us; <a class="underline" href="/contact">write again</a> if you are unsure.

## A reply drafted in the inbox, in the language the person wrote in

reply-subject = Re: your message to { $brand }
reply-body = Hello { $name },

    Thank you for telling us about what you are building. We would like to talk it through with you.

    Best regards,
reply-body-result = Hello { $name },

    You asked us about your system, and our guide suggested { $summary }. We would like to talk it through with you.

    Best regards,
