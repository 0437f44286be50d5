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
thanks-book = Rather pick a time to talk now?
thanks-book-link = Book a call

## Booking a call (/book/…)

book-title = Book a call
book-description = Pick a time for a call with one of our engineers.
book-lead = Pick a time that suits you: the call lasts { $length }, by video, with the engineer who will read your message.
book-zone = Your time zone
book-zone-show = Show times in this zone
book-zone-unknown = That is not a time zone we know: write it like Europe/Madrid.
book-nearest = The nearest free times
book-times-in = Times are shown in { $zone }.
book-submit = Book this time
book-confirmed = Your call is booked: { $when } ({ $zone }), with { $with }.
book-link = Join the call here:
book-none-free = Nobody has a free time to offer in the next days. We will reply to your message as promised.
book-unknown = This booking link is not valid. Use the link on the page you saw after sending your message, or write to us again.
book-unavailable = The free times could not be read just now. Please try again in a minute.
book-notice-unknown = This booking link is not valid: nothing was booked.
book-notice-zone = That is not a time zone we know: write it like Europe/Madrid. Nothing was booked.
book-notice-pick = Pick one of the times below.
book-notice-taken = That time was just taken by someone else. Here are the nearest free ones.
book-notice-not-offered = That time cannot be booked (it is past, too soon or outside our hours). Pick one of the times below.
book-notice-no-call = No call is booked with this link: nothing changed.
book-notice-meanwhile = The call was changed meanwhile; this is how it stands now. Nothing else changed.
book-add-calendar = Add to my calendar (.ics)
book-change = Change the time
book-change-lead = Pick another time with { $with }:
book-change-submit = Move the call to this time
book-cancel-submit = Cancel the call
book-done-moved = Your call has moved.
book-done-cancelled = Your call is cancelled. You can book another time below.

## Emails about a booked call, to the visitor

call-summary = Call with { $brand } ({ $reference })
call-subject-booked = Your call with { $brand }: { $when }
call-subject-moved = Your call with { $brand } has moved: { $when }
call-subject-cancelled = Your call with { $brand } is cancelled
call-subject-reminder = Reminder: your call with { $brand }, { $when }
call-hello = Hello { $name },
call-booked = Your call with { $with } is booked: { $when } ({ $zone }).
call-moved = Your call with { $with } has moved to { $when } ({ $zone }).
call-cancelled = Your call with { $with } on { $when } ({ $zone }) is cancelled. You can book another time with the link below.
call-reminder = A reminder of your call with { $with }: { $when } ({ $zone }).
call-about = It is about your message { $reference }.
call-result = Our guide suggested { $summary }.
call-join = Join the call: { $link }
call-manage = Change the time or cancel: { $url }
call-invitation = The invitation is attached for your calendar.
call-regards = Best regards,
    { $brand }
