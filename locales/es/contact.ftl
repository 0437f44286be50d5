# El formulario de «hablemos», sus comprobaciones y la página de agradecimiento.

## El formulario

contact-title = Hablemos
contact-description = Cuéntanos qué estás construyendo; un ingeniero sénior te responde en menos de { $within }. El código sigue siendo tuyo.
contact-lead = Cuéntanos qué estás construyendo. Un ingeniero sénior de { $brand } te responde en menos de { $within }; el código que escribimos sigue siendo tuyo.
contact-check-fields = { $count ->
    [one] Revisa el campo marcado abajo; todo lo que escribiste sigue aquí.
   *[other] Revisa los { $count } campos marcados abajo; todo lo que escribiste sigue aquí.
}
contact-attached = Hablaremos del resultado de tu guía:
contact-name = Tu nombre
contact-email = Correo de trabajo
contact-company = Empresa (opcional)
contact-role = Tu cargo (opcional)
contact-message = ¿Qué estás construyendo?
contact-message-help = Con unas pocas frases basta: el producto, el equipo, lo que te preocupa.
contact-preferred = ¿Cómo prefieres que te contactemos? (opcional)
contact-consent-label = Acepto que se guarde lo que envío y que se me contacte sobre ello, tal como describe el <a class="underline" href="/privacy">aviso de privacidad</a>.
contact-honeypot = Deja este campo vacío
contact-send = Enviar

## Lo que puede estar mal

contact-name-empty = Dinos tu nombre.
contact-name-long = Un nombre tiene como mucho { $max } caracteres.
contact-email-empty = Escribe tu correo de trabajo.
contact-email-long = Una dirección de correo tiene como mucho { $max } caracteres.
contact-email-invalid = Esto no parece una dirección de correo (nombre@empresa.com).
contact-company-long = El nombre de una empresa tiene como mucho { $max } caracteres.
contact-role-long = Un cargo tiene como mucho { $max } caracteres.
contact-preferred-long = Este campo tiene como mucho { $max } caracteres.
contact-message-empty = Cuéntanos un poco qué estás construyendo.
contact-message-long = El mensaje debe tener menos de { $max } caracteres (tiene { $length }).
contact-consent = Acepta, por favor, para que podamos guardar tu mensaje y responderte.
contact-notice-again = Por tu seguridad, hay que enviar este formulario una vez más: todo lo que escribiste sigue aquí; pulsa Enviar de nuevo.
contact-notice-busy = Hemos recibido varios mensajes desde tu red en la última hora. Vuelve a enviarlo dentro de { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
}; todo lo que escribiste sigue aquí.
contact-notice-unavailable = Lo sentimos, ahora mismo no hemos podido guardar tu mensaje. No se ha perdido nada: pulsa Enviar de nuevo en un momento.

## La página de agradecimiento

thanks-title = Gracias
thanks-description = Tu mensaje nos ha llegado.
thanks-heading = Gracias, tu mensaje nos ha llegado
thanks-reference = Tu referencia:
thanks-reply-by = Lo recibimos el { $received }. Un ingeniero sénior te responderá antes del { $reply_by }, en menos de { $within }.
thanks-learn = Lee la explicación mientras esperas
thanks-unknown = No encontramos esa referencia
thanks-unknown-text = Si nos enviaste un mensaje, está a salvo; <a class="underline" href="/contact">vuelve a escribirnos</a> si tienes dudas.

## Una respuesta redactada en el buzón, en el idioma en que escribió la persona

reply-subject = Re: tu mensaje a { $brand }
reply-body = Hola, { $name }:

    Gracias por contarnos lo que estás construyendo. Nos gustaría comentarlo contigo.

    Un saludo,
reply-body-result = Hola, { $name }:

    Nos preguntaste por tu sistema y nuestra guía sugirió { $summary }. Nos gustaría comentarlo contigo.

    Un saludo,
